"""Site build time against a bare Material for MkDocs site, side by side.

For each data shape and size N it builds (1) the real site, every edition
that `make site` builds (one MkDocs build each), and (2) as many bare
Material sites, each with as many plain pages as the edition it stands for,
alternating the two, and reports the median times and their ratio, the peak
resident memory of the largest single build, and how our build grows from one
size to the next. Run: `make bench`; `BENCH_QUICK=1` runs once, at 1,000
hub-shaped barriers.

Two shapes of data (`BENCH_SHAPES`): "spread", a synthetic knowledge base of
N barriers over N/5 organisations, and "hub", copies of the shipped barriers
that keep their real organisations (`hub.py`), where a few organisations
carry hundreds of barriers.

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

from benchmarks.hub import hub_kb_files
from benchmarks.synthetic import synthetic_kb_files

REPO = Path(__file__).resolve().parents[1]
MKDOCS = str(Path(sys.executable).parent / "mkdocs")
QUICK = os.environ.get("BENCH_QUICK") == "1"
SIZES = tuple(
    int(n) for n in os.environ.get("BENCH_SIZES", "1000" if QUICK else "250,1000,4000").split(",")
)
SHAPES = tuple(os.environ.get("BENCH_SHAPES", "hub" if QUICK else "spread,hub").split(","))
REPEATS = int(os.environ.get("BENCH_REPEATS", "1" if QUICK else "3"))
#: The editions `make site` builds: configuration, output folder and language.
EDITIONS = (("mkdocs.yml", "site", "sv"), ("mkdocs.da.yml", "site/da", "da"),
            ("mkdocs.en.yml", "site/en", "en"))  # fmt: skip
#: Runs a command and prints its peak resident set (kB) on stderr's last line.
PEAK = (
    "import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
    "print('peak-kb', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); "
    "sys.exit(r.returncode)"
)

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


def ours(root: Path, n: int, shape: str) -> Path:
    """A project folder: the real configurations and docs, records of the given shape."""
    root.mkdir(parents=True)
    for config, _, _ in EDITIONS:
        shutil.copy(REPO / config, root / config)
    for folder in ("docs", "overrides"):
        if (REPO / folder).is_dir():
            shutil.copytree(REPO / folder, root / folder)
    os.symlink(REPO / "node_modules", root / "node_modules")
    if shape == "hub":
        hub_kb_files(root, n)
    else:
        synthetic_kb_files(root, n, max(n // 5, 20), seed=1)
    return root


def bare(root: Path, n: int, lang: str = "sv") -> Path:
    (root / "docs").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(BARE_CONFIG.replace(": sv", f": {lang}"), encoding="utf-8")
    (root / "docs" / "index.md").write_text("# Start\n", encoding="utf-8")
    for i in range(n):
        (root / "docs" / f"p{i:05d}.md").write_text(PLAIN_PAGE.format(n=i), encoding="utf-8")
    return root


OWN_TIME = re.compile(r"barrierkb: ([0-9.]+) s in this plugin")


def build_seconds(
    project: Path, config: str = "mkdocs.yml", out: str = "site"
) -> tuple[float, float | None, int]:
    """Wall-clock seconds of one `mkdocs build`, the seconds barrierkb reports (if it ran),
    and the build's peak resident memory in kB."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1790000000"}
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", PEAK, MKDOCS, "build", "-f", config, "-d", str(project / out)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    if result.returncode:
        raise SystemExit(f"mkdocs build failed in {project}:\n{result.stderr[-3000:]}")
    own = OWN_TIME.search(result.stderr)
    peak = int(result.stderr.strip().rsplit("peak-kb ", 1)[1].split()[0])
    return seconds, float(own.group(1)) if own else None, peak


def pages_of(folder: Path) -> int:
    """The pages an edition's build wrote (not counting the other editions' folders)."""
    nested = {"da", "en"}
    return sum(1 for p in folder.rglob("*.html") if p.relative_to(folder).parts[0] not in nested)


def measure(tmp: Path, shape: str, n: int) -> dict:
    """Our build (every edition) against as many bare builds, alternating, `REPEATS` times."""
    project = ours(tmp / f"ours-{shape}-{n}", n, shape)
    first = [build_seconds(project, config, out) for config, out, _ in EDITIONS]
    pages = [pages_of(project / out) for _, out, _ in EDITIONS]
    bares = [
        bare(tmp / f"bare-{shape}-{n}-{lang}", p, lang)
        for (_, _, lang), p in zip(EDITIONS, pages, strict=True)
    ]
    ours_t, own_t, bare_t, peaks = [], [], [], []
    for run in range(REPEATS):
        results = first if run == 0 else [build_seconds(project, c, o) for c, o, _ in EDITIONS]
        if any(own is None for _, own, _ in results):
            raise SystemExit("the barrierkb plugin logged no timing line")
        ours_t.append(sum(t for t, _, _ in results))
        own_t.append(sum(own for _, own, _ in results))
        peaks.append(max(p for _, _, p in results))
        bare_t.append(sum(build_seconds(b)[0] for b in bares))
    return {
        "ours": statistics.median(ours_t),
        "own": statistics.median(own_t),
        "bare": statistics.median(bare_t),
        "peak_mb": max(peaks) / 1024,
        "pages": sum(pages),
    }


def main() -> int:
    print(
        f"site build, all {len(EDITIONS)} editions: ours vs as many bare Material builds of the "
        f"same page counts, median of {REPEATS} alternating runs"
    )
    print(
        f"{'shape':>6} {'barriers':>9} {'pages':>6} {'ours s':>8} {'bare s':>8} {'ratio':>6}"
        f" {'growth':>7} {'own %':>6} {'peak MB':>8}"
    )
    verdicts = []
    with tempfile.TemporaryDirectory() as tmp:
        for shape in SHAPES:
            previous = None
            for n in SIZES:
                r = measure(Path(tmp), shape, n)
                ratio, share = r["ours"] / r["bare"], 100 * r["own"] / r["ours"]
                growth = r["ours"] / previous if previous else None
                print(
                    f"{shape:>6} {n:>9} {r['pages']:>6} {r['ours']:>8.2f} {r['bare']:>8.2f}"
                    f" {ratio:>6.2f} {f'{growth:.2f}x' if growth else '':>7} {share:>6.1f}"
                    f" {r['peak_mb']:>8.0f}",
                    flush=True,
                )
                if n in (1000, 4000):
                    verdicts.append((f"{shape} {n}: ratio <= 2.0", ratio <= 2.0))
                    verdicts.append((f"{shape} {n}: barrierkb's share <= 25%", share <= 25))
                if n == 4000:
                    verdicts.append((f"{shape} 4000: peak memory <= 1 GB", r["peak_mb"] <= 1024))
                    if previous and SIZES[SIZES.index(n) - 1] == 1000:
                        verdicts.append((f"{shape} 1000 -> 4000: growth <= 4.4x", growth <= 4.4))
                previous = r["ours"]
    for goal, met in verdicts:
        print(f"goal {goal}: {'met' if met else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
