"""A synthetic knowledge base, for benchmarks: valid records of any size, from a seed.

`synthetic_kb_files(root, n_barriers, n_stakeholders, seed)` writes
``root/stakeholders/*.yml`` and ``root/barriers/*.yml`` that load and check
without errors. The shape imitates the real records: municipalities and
regions in cross-border forums, agencies reporting to ministries, ministries
in governments, governments in Nordic bodies; barriers owned by national
bodies, raised in forums, with the home organisation ``malmo-stad`` among the
stakeholders of some. A few organisations have no relations at all, so some
barriers have no route. The same arguments give the same files.

Run ``python -m benchmarks.synthetic DIR [N_BARRIERS N_STAKEHOLDERS [SEED]]``
to write a folder by hand.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import yaml

from barrierkb.records import vocab

HOME = "malmo-stad"
COUNTRIES = ("SE", "DK", "NO", "FI")
COUNTRY_NAMES = {"SE": "Sverige", "DK": "Danmark", "NO": "Norge", "FI": "Finland"}
BORDERS = ("SE-DK", "SE-NO", "SE-FI", "DK-NO", "NO-FI", "DK-DE", "FI-EE")
THEMES = vocab.THEMES
STATUSES = vocab.STATUSES
STAKE_ROLES = vocab.STAKEHOLDER_ROLES
STAKE_WEIGHTS = (3, 3, 4, 1, 2)

# Share of the stakeholders in each group, after the fixed ones.
MIX = (
    ("municipality", "local", 0.34),
    ("business", "local", 0.10),
    ("association", "regional", 0.08),
    ("research", "regional", 0.08),
    ("region", "regional", 0.06),
    ("forum", "regional", 0.03),
    ("committee", "regional", 0.02),
    ("agency", "national", 0.20),
    ("ministry", "national", 0.06),
    ("intergovernmental", "nordic", 0.015),
    ("intergovernmental", "eu", 0.005),
    ("other", "national", 0.01),
)
TYPE_NAMES = {
    "municipality": "Kommun",
    "business": "Företag",
    "association": "Förening",
    "research": "Lärosäte",
    "region": "Region",
    "forum": "Forum",
    "committee": "Gränskommitté",
    "agency": "Myndighet",
    "ministry": "Departement",
    "intergovernmental": "Nordiskt organ",
    "other": "Organisation",
    "government": "Regeringen",
}
#: The one shared source every synthetic claim cites (`sources/<id>.yml`).
SOURCE_ID = "syntetiskt-underlag"
SOURCE = {
    "id": SOURCE_ID,
    "title": "Syntetiskt underlag för prestandamätning",
    "publisher": "Gränshinderbasen",
    "kind": "dataset",
}
CITE = f"[@{SOURCE_ID}]"


def _stakeholders(n: int, rng: random.Random) -> dict[str, dict]:
    """Stakeholder records as plain data, by id (relations added after)."""
    records: dict[str, dict] = {}

    def add(sid: str, name: str, kind: str, country: str, level: str) -> None:
        records[sid] = {
            "id": sid,
            "name": name,
            "type": kind,
            "country": country,
            "level": level,
            "relations": [],
        }

    add(HOME, "Malmö stad", "municipality", "SE", "local")
    for c in COUNTRIES:
        add(
            f"regeringen-{c.lower()}",
            f"Regeringen ({COUNTRY_NAMES[c]})",
            "government",
            c,
            "national",
        )
    add("nordiska-ministerradet", "Nordiska ministerrådet", "intergovernmental", "NORDIC", "nordic")
    add("granshinderradet", "Gränshinderrådet", "intergovernmental", "NORDIC", "nordic")
    rest = max(n - len(records), 0)
    counts = [max(1, round(share * rest)) for _, _, share in MIX]
    while sum(counts) > rest and max(counts) > 1:
        counts[counts.index(max(counts))] -= 1
    while sum(counts) < rest:
        counts[0] += 1
    for (kind, level, _), count in zip(MIX, counts, strict=True):
        for i in range(1, count + 1):
            if level == "nordic":
                country = "NORDIC"
            elif level == "eu":
                country = "EU"
            else:
                country = rng.choice(COUNTRIES)
            sid = f"{kind}-{country.lower()}-{i}"
            name = f"{TYPE_NAMES[kind]} {i} ({COUNTRY_NAMES.get(country, country)})"
            if rng.random() < 0.05:
                name = {"sv": name, "en": f"{kind.title()} {i}"}
            add(sid, name, kind, country, level)
    return dict(list(records.items())[:n]) if n >= 1 else {}


def _relate(records: dict[str, dict], rng: random.Random) -> None:
    by_type: dict[str, list[str]] = {}
    for sid, r in records.items():
        by_type.setdefault(r["type"], []).append(sid)
    forums = by_type.get("forum", []) + by_type.get("committee", [])
    nordic = [s for s in by_type.get("intergovernmental", []) if records[s]["level"] == "nordic"]

    def of_country(kind: str, country: str) -> list[str]:
        return [s for s in by_type.get(kind, []) if records[s]["country"] == country]

    def relate(sid: str, kind: str, target: str | None) -> None:
        if target and target != sid and target in records:
            pair = {"type": kind, "target": target, "cite": CITE}
            if pair not in records[sid]["relations"]:
                records[sid]["relations"].append(pair)

    lonely = set(rng.sample(sorted(records), k=max(1, len(records) // 100)))
    lonely.discard(HOME)
    for sid in sorted(records):
        r = records[sid]
        if sid in lonely:
            continue
        kind, country = r["type"], r["country"]
        if kind in ("municipality", "region", "business", "research", "association"):
            for forum in rng.sample(forums, k=min(len(forums), rng.choice((1, 1, 2, 3)))):
                relate(sid, "member_of", forum)
            if rng.random() < 0.4:
                peers = by_type.get(kind, [])
                relate(sid, "cooperates_with", rng.choice(peers) if peers else None)
        if kind == "municipality" and rng.random() < 0.5:
            regions = of_country("region", country)
            relate(sid, "part_of", rng.choice(regions) if regions else None)
        if kind == "research" and rng.random() < 0.6:
            agencies = of_country("agency", country)
            if agencies:
                relate(rng.choice(agencies), "funds", sid)
        if kind in ("agency", "other"):
            ministries = of_country("ministry", country)
            relate(sid, "reports_to", rng.choice(ministries) if ministries else None)
            if rng.random() < 0.2:
                relate(sid, "cooperates_with", rng.choice(by_type["agency"]))
        if kind == "ministry":
            relate(sid, "part_of", f"regeringen-{country.lower()}")
        if kind == "government":
            relate(sid, "member_of", "nordiska-ministerradet")
        if kind in ("forum", "committee"):
            relate(sid, "part_of", rng.choice(nordic) if nordic and rng.random() < 0.3 else None)
            if rng.random() < 0.5:
                relate(rng.choice(by_type.get("association", [sid])), "secretariat_of", sid)
        if kind == "intergovernmental" and sid != "nordiska-ministerradet":
            relate(sid, "part_of", "nordiska-ministerradet")
    relate(HOME, "member_of", forums[0] if forums else None)


def _barriers(n: int, records: dict[str, dict], rng: random.Random) -> list[dict]:
    ids = sorted(records)
    owners = [s for s in ids if records[s]["type"] in ("agency", "ministry", "government")]
    owners = owners or ids
    forums = [s for s in ids if records[s]["type"] in ("forum", "committee", "intergovernmental")]
    out = []
    for i in range(1, n + 1):
        status = rng.choice(STATUSES)
        responsible = [
            {"stakeholder": s, "role": rng.choice(("rule_owner", "decision_maker")), "cite": CITE}
            for s in rng.sample(owners, k=min(len(owners), rng.choice((1, 1, 2, 2, 3))))
        ]
        taken = {r["stakeholder"] for r in responsible}
        stakes = []
        others = [s for s in rng.sample(ids, k=min(len(ids), 5)) if s not in taken]
        if rng.random() < 0.3 and HOME not in taken:
            others = [HOME, *[s for s in others if s != HOME]]
        for s in others[: rng.choice((1, 2, 3, 4))]:
            stakes.append(
                {
                    "stakeholder": s,
                    "role": rng.choices(STAKE_ROLES, weights=STAKE_WEIGHTS)[0],
                    "cite": CITE,
                }
            )
        barrier = {
            "id": f"hinder-{i:05d}",
            "title": {"sv": f"Syntetiskt gränshinder nummer {i}", "en": f"Synthetic barrier {i}"},
            "summary": f"Ett påhittat hinder för prestandamätning, nummer {i}. "
            "Det beskriver inget verkligt förhållande.",
            "status": status,
            "status_history": [
                {
                    "date": "2026-01-15",
                    "status": status,
                    "note": "Syntetisk händelse.",
                    "cite": CITE,
                }
            ],
            "borders": rng.sample(BORDERS, k=rng.choice((1, 1, 2))),
            "themes": rng.sample(THEMES, k=rng.choice((1, 2, 3))),
            "obstacle_type": rng.choice(("legal", "administrative", "information", "practice")),
            "responsible": responsible,
            "stakeholders": stakes,
            "forums": rng.sample(forums, k=min(len(forums), rng.choice((0, 1, 1, 2)))),
            "ask": "Att den ansvariga parten utreder frågan.",
            "priority": rng.choice(("high", "medium", "low")),
            "sources": [{"id": SOURCE_ID}],
            "owner": "Stadskontoret, Omvärld och näringsliv",
            "last_reviewed": "2026-01-15",
            "review_due": "2099-01-15",
        }
        if i > 1 and rng.random() < 0.2:
            barrier["related"] = [f"hinder-{rng.randint(1, i - 1):05d}"]
        out.append(barrier)
    return out


def _dump(record: dict) -> str:
    return yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=100)


def synthetic_kb_files(
    root: str | Path, n_barriers: int, n_stakeholders: int, seed: int = 0
) -> Path:
    """Write a synthetic, valid knowledge base of the given size under `root`.

    Parameters
    ----------
    root : str or Path
        Folder to write ``barriers/`` and ``stakeholders/`` into; created if
        missing. Existing record files of the same names are overwritten.
    n_barriers, n_stakeholders : int
        How many records of each kind (at least 8 stakeholders for every
        group to be present; fewer still load).
    seed : int
        Seed of the random choices; the same arguments give the same files.

    Returns
    -------
    Path
        `root`, as a Path.

    Examples
    --------
    >>> import tempfile
    >>> from barrierkb import check, load
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     kb = load(synthetic_kb_files(tmp, 20, 40, seed=1))
    ...     problems = [d for d in check(kb) if d.level == "error"]
    >>> len(kb.barriers), len(kb.stakeholders), problems
    (20, 40, [])
    """
    root = Path(root)
    rng = random.Random(seed)
    records = _stakeholders(n_stakeholders, rng)
    _relate(records, rng)
    barriers = _barriers(n_barriers, records, rng) if records else []
    (root / "sources").mkdir(parents=True, exist_ok=True)
    (root / "sources" / f"{SOURCE_ID}.yml").write_text(_dump(SOURCE), encoding="utf-8")
    for kind, items in (("stakeholders", records.values()), ("barriers", barriers)):
        folder = root / kind
        folder.mkdir(parents=True, exist_ok=True)
        for record in items:
            if kind == "stakeholders" and not record["relations"]:
                record = {k: v for k, v in record.items() if k != "relations"}
            elif kind == "stakeholders":
                record = {**record, "sources": [{"id": SOURCE_ID}]}
            (folder / f"{record['id']}.yml").write_text(_dump(record), encoding="utf-8")
    return root


if __name__ == "__main__":  # pragma: no cover
    args = sys.argv[1:]
    if not args:
        sys.exit("usage: python -m benchmarks.synthetic DIR [N_BARRIERS N_STAKEHOLDERS [SEED]]")
    sizes = [int(a) for a in args[1:4]] + [5000, 1000, 0][len(args[1:4]) :]
    print(synthetic_kb_files(args[0], sizes[0], sizes[1], sizes[2]))
