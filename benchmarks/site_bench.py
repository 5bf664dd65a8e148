"""Site build time against a bare Material for MkDocs site, side by side.

For each size N it builds (1) the real site from a synthetic knowledge base of
N barriers and N/5 stakeholders, and (2) a bare Material site of N plain
pages, alternating the two, and reports the median times and their ratio,
and how our build grows from one size to the next. Run: `make bench`.

It also splits our time in two, from the line the plugin logs at the end of
a build: the seconds spent in barrierkb's own code (loading, checking,
rendering, page events) and the rest, which is MkDocs, Material and the
other plugins handling our pages. "rest/bare" is that rest against the bare
build: the ratio our build would have if our own code took no time.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.synthetic import synthetic_kb_files

REPO = Path(__file__).resolve().parents[1]
MKDOCS = str(Path(sys.executable).parent / "mkdocs")
SIZES = tuple(int(n) for n in os.environ.get("BENCH_SIZES", "250,1000,4000").split(","))
REPEATS = int(os.environ.get("BENCH_REPEATS", "3"))

BARE_CONFIG = """\
site_name: Bare
use_directory_urls: false
theme:
  name: material
  language: sv
  font: false
plugins:
  - search:
      lang: sv
  - offline
nav:
  - index.md
"""

PLAIN_PAGE = """\
# Sida {n}

Ett stycke text om ett gränshinder nummer {n}, ungefär lika långt som en
sammanfattning i basen: företag kan inte använda nationella medel för
testbäddar i grannlandet, och därför går innovationer förlorade.

## Beskrivning

Längre text med [en länk](https://example.org/{n}) och en lista:

- första punkten
- andra punkten
"""


def ours(root: Path, n: int) -> Path:
    """A project folder: the real configuration and docs, synthetic records."""
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs")
    os.symlink(REPO / "node_modules", root / "node_modules")
    synthetic_kb_files(root, n, max(n // 5, 20), seed=1)
    return root


def bare(root: Path, n: int) -> Path:
    (root / "docs").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(BARE_CONFIG, encoding="utf-8")
    (root / "docs" / "index.md").write_text("# Start\n", encoding="utf-8")
    for i in range(n):
        (root / "docs" / f"p{i:05d}.md").write_text(PLAIN_PAGE.format(n=i), encoding="utf-8")
    return root


OWN_TIME = re.compile(r"barrierkb: ([0-9.]+) s in this plugin")


def build_seconds(project: Path) -> tuple[float, float | None]:
    """Wall-clock seconds of one `mkdocs build`, and the seconds barrierkb reports (if it ran)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1790000000"}
    start = time.perf_counter()
    result = subprocess.run(
        [MKDOCS, "build", "-d", str(project / "site")],
        cwd=project,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    own = OWN_TIME.search(result.stderr)
    return seconds, float(own.group(1)) if own else None


def main() -> int:
    print(f"site build: ours vs bare Material, median of {REPEATS} alternating runs")
    print(
        f"{'barriers':>9} {'ours s':>8} {'bare s':>8} {'ratio':>6} {'growth':>7}"
        f" {'barrierkb s':>12} {'rest/bare':>10}"
    )
    previous = None
    with tempfile.TemporaryDirectory() as tmp:
        for n in SIZES:
            (Path(tmp) / f"ours{n}").mkdir()
            a = ours(Path(tmp) / f"ours{n}", n)
            b = bare(Path(tmp) / f"bare{n}", n)
            times_a, own_a, times_b = [], [], []
            for _ in range(REPEATS):
                seconds, own = build_seconds(a)
                if own is None:
                    raise SystemExit("the barrierkb plugin logged no timing line")
                times_a.append(seconds)
                own_a.append(own)
                times_b.append(build_seconds(b)[0])
            t_a, t_b = statistics.median(times_a), statistics.median(times_b)
            own = statistics.median(own_a)
            growth = f"{t_a / previous[1]:.2f}x" if previous else ""
            print(
                f"{n:>9} {t_a:>8.2f} {t_b:>8.2f} {t_a / t_b:>6.2f} {growth:>7}"
                f" {own:>12.2f} {(t_a - own) / t_b:>10.2f}",
                flush=True,
            )
            previous = (n, t_a)
    print("goals: ratio <= 1.5 at 1000 barriers; 1000 -> 4000 growth <= 4.4x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
