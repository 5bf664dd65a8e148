"""`barrierkb check` against PyYAML's C loader on the same files, side by side.

The yardstick is the least any checker must do: read every record file with
PyYAML's C loader (`yaml.CSafeLoader`) and keep the values. Ours reads the
same files with positions and the YAML 1.2 rules (`records.yamlsafe`),
validates them against the model and runs every rule (`records.check`). Both
run in this process, alternating, `REPEATS` times; the medians are compared.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

import yaml

from barrierkb.records.check import check
from barrierkb.records.load import load, record_files
from barrierkb.records.model import FOLDERS
from benchmarks.hub import hub_kb_files
from benchmarks.site_bench import QUICK, REPEATS

#: Barriers in the knowledge base checked; with the shipped stakeholders and sources
#: it holds a few more records than this.
RECORDS = 1000 if QUICK else 5000
GOAL = 2.0


def c_loader_seconds(files: list[Path]) -> float:
    start = time.perf_counter()
    for path in files:
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)  # noqa: S506 - the safe C loader
    return time.perf_counter() - start


def check_seconds(root: Path) -> float:
    start = time.perf_counter()
    found = check(load(root))
    seconds = time.perf_counter() - start
    if any(d.level == "error" for d in found):
        raise SystemExit(f"the benchmark records have errors: {found[0].format()}")
    return seconds


def main() -> list[tuple[str, bool]]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        hub_kb_files(root, RECORDS)
        files = [p for kind in FOLDERS for p in record_files(root, kind)]
        ours, base = [], []
        for _ in range(REPEATS):
            base.append(c_loader_seconds(files))
            ours.append(check_seconds(root))
    ratio = statistics.median(ours) / statistics.median(base)
    print(
        f"barrierkb check of {len(files)} records: {statistics.median(ours):.2f} s; "
        f"PyYAML's C loader on the same files: {statistics.median(base):.2f} s; ratio {ratio:.2f}"
    )
    return [(f"check of {len(files)} records <= {GOAL} x the C loader", ratio <= GOAL)]
