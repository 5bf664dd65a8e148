"""The same pages built by Material for MkDocs and by Zensical, the engine after it.

`barrierkb export-md` writes the generated pages of a knowledge base of 1,000
hub-shaped barriers; each engine builds them with the same four-line
configuration. Zensical comes with the `[engines]` extra; without it the line
says so.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

from benchmarks.hub import hub_kb_files
from benchmarks.site_bench import MKDOCS, REPEATS, timed_run

ZENSICAL = Path(sys.executable).parent / "zensical"
BARRIERS = 1000
CONFIG = """\
site_name: Gränshinderbasen
use_directory_urls: false
theme:
  name: material
  language: sv
"""


def main() -> list[tuple[str, bool]]:
    if not ZENSICAL.is_file():
        print("Zensical is not installed (pip install -e '.[engines]'): no engine comparison")
        return []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        hub_kb_files(root, BARRIERS)
        timed_run([sys.executable, "-m", "barrierkb.cli", "export-md", "docs"], root)
        (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
        pages = sum(1 for _ in (root / "docs").rglob("*.md"))
        material, zensical = [], []
        for _ in range(REPEATS):
            material.append(timed_run([MKDOCS, "build", "-d", "site-material"], root)[0])
            # Zensical keeps a cache between builds; --clean makes each build a full one.
            zensical.append(timed_run([str(ZENSICAL), "build", "--clean"], root)[0])
    print(
        f"engines, the {pages} pages of `barrierkb export-md` ({BARRIERS} hub-shaped barriers): "
        f"Material {statistics.median(material):.2f} s, "
        f"Zensical {statistics.median(zensical):.2f} s"
    )
    return []
