"""Hub-shaped benchmark data: copies of the shipped barriers, pointing at the real organisations.

Real data has hubs: a few organisations (the Nordic Council of Ministers, the
governments, the Freedom of Movement Council) carry hundreds of barriers.
`hub_kb_files(root, n)` writes ``n`` barriers into ``root/barriers/``, each a
copy of a shipped barrier with its id renamed and `related` dropped, beside
copies of the shipped stakeholders and shared sources, so that every copy
keeps its real organisations, forums and citations. The same `n` gives the
same files.

Run ``python -m benchmarks.hub DIR N`` to write a folder by hand.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]


def hub_kb_files(root: Path, n: int) -> None:
    """Write `n` barriers copied from the shipped ones, and the shipped organisations."""
    for folder in ("stakeholders", "sources"):
        shutil.copytree(REPO / folder, root / folder, dirs_exist_ok=True)
    (root / "barriers").mkdir(parents=True, exist_ok=True)
    originals = [
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)  # noqa: S506 - the safe C loader
        for path in sorted((REPO / "barriers").glob("*.yml"))
    ]
    for i in range(n):
        data = dict(originals[i % len(originals)])
        data["id"] = f"{data['id'][:40]}-k{i:05d}"
        data.pop("related", None)
        text = yaml.dump(
            data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=1000
        )
        (root / "barriers" / f"{data['id']}.yml").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    hub_kb_files(Path(sys.argv[1]), int(sys.argv[2]))
