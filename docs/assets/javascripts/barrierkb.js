/* Gränshinderbasen: register filters and sorting, and print buttons.
   Plain script, no libraries; the page works without it (controls stay hidden). */
(function () {
  "use strict";

  function rowsOf(table) {
    return Array.prototype.slice.call(table.tBodies[0].rows);
  }

  function setupFilters(form, table) {
    var count = form.querySelector("[data-bkb-count]");
    var controls = form.querySelectorAll("[data-filter]");
    function apply() {
      var shown = 0;
      rowsOf(table).forEach(function (row) {
        var visible = true;
        controls.forEach(function (control) {
          var value = control.value.trim().toLowerCase();
          if (!value) return;
          var key = control.getAttribute("data-filter");
          var field = (row.getAttribute("data-" + key) || "").toLowerCase();
          if (key === "text") {
            if (field.indexOf(value) === -1) visible = false;
          } else if (field.split(" ").indexOf(value) === -1) {
            visible = false;
          }
        });
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      // the sentence comes from the page, in the edition's language
      count.textContent = count.getAttribute("data-bkb-count-text")
        .replace("{shown}", shown).replace("{total}", rowsOf(table).length);
    }
    controls.forEach(function (control) {
      control.addEventListener("input", apply);
      control.addEventListener("change", apply);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
  }

  function setupSorting(table) {
    var headers = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(headers, function (th, column) {
      var button = th.querySelector("button[data-sort-key]");
      if (!button) return;
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (other) {
          if (other.hasAttribute("aria-sort")) other.setAttribute("aria-sort", "none");
        });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var rows = rowsOf(table);
        rows.sort(function (a, b) {
          var x = a.cells[column].getAttribute("data-sort") || "";
          var y = b.cells[column].getAttribute("data-sort") || "";
          var nx = Number(x), ny = Number(y);
          var order = (x !== "" && y !== "" && !isNaN(nx) && !isNaN(ny))
            ? nx - ny : x.localeCompare(y, "sv");
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { table.tBodies[0].appendChild(row); });
      });
    });
  }

  function init() {
    document.querySelectorAll("table[data-bkb-sortable]").forEach(function (table) {
      setupSorting(table);
      var form = document.querySelector("[data-bkb-filters]");
      if (form) setupFilters(form, table);
    });
    document.querySelectorAll("[data-bkb-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
