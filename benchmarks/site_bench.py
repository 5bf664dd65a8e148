"""Site build time against a bare Material for MkDocs site, side by side.

For each data shape and size N it builds (1) the real site, every edition
that `make site` builds, and (2) as many bare Material sites, each with as
many plain pages as the edition it stands for and about as much text per page
as that edition's pages have on average ("text": the characters a reader sees
in the article, markup stripped). Where there is a second core our build
uses it (see "ahead s" below), so the bare sites are built two at a time
there: "bare s" is the wall-clock time of all of them, on the same cores.
It alternates the two and reports the median times and their ratio, the
peak resident memory of the largest single build, and how our build grows
from one size to the next. Run: `make bench`;
`BENCH_QUICK=1` runs once, at 1,000 hub-shaped barriers.

Two shapes of data (`BENCH_SHAPES`): "spread", a synthetic knowledge base of
N barriers over N/5 organisations, and "hub", copies of the shipped barriers
that keep their real organisations (`hub.py`), where a few organisations
carry hundreds of barriers.

"own %" is the share of our build spent in barrierkb's own code (loading,
checking, rendering, page events), from the line the plugin logs at the end
of each edition; the rest is MkDocs, Material and the other plugins handling
our pages. It is what the build waits on barrierkb: where there is a second core,
`barrierkb site` renders the first edition's overview and the later editions
in a second process while the build does its own work (`barrierkb.site.ahead`),
and only taking them over counts. "ahead s" says how long that second process
worked, beside the build.
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
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from barrierkb.build import EDITIONS as EDITIONS_BUILT
from barrierkb.site.ahead import second_core
from benchmarks.hub import hub_kb_files
from benchmarks.synthetic import synthetic_kb_files

REPO = Path(__file__).resolve().parents[1]
MKDOCS = str(Path(sys.executable).parent / "mkdocs")
BARRIERKB = str(Path(sys.executable).parent / "barrierkb")
QUICK = os.environ.get("BENCH_QUICK") == "1"
SIZES = tuple(
    int(n) for n in os.environ.get("BENCH_SIZES", "1000" if QUICK else "250,1000,4000").split(",")
)
SHAPES = tuple(os.environ.get("BENCH_SHAPES", "hub" if QUICK else "spread,hub").split(","))
REPEATS = int(os.environ.get("BENCH_REPEATS", "1" if QUICK else "3"))
#: The editions `make site` builds (`barrierkb.build.EDITIONS`): folder and language.
EDITIONS = tuple((folder, folder or "sv") for _, folder in EDITIONS_BUILT)
#: Bare builds at a time: as many cores as our build may use (`barrierkb site` renders
#: in a second process where there is a second core).
BARE_AT_ONCE = 2 if second_core() else 1
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


def ours(root: Path, n: int, shape: str) -> Path:
    """A project folder: the real configurations and docs, records of the given shape."""
    root.mkdir(parents=True)
    for config, _ in EDITIONS_BUILT:
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


#: One paragraph of a plain page, about as long as a paragraph of a barrier page.
PARAGRAPH = (
    "Ett stycke text om gränshinder nummer {n}: företag kan inte använda nationella medel "
    "för testbäddar i grannlandet, och därför går innovationer förlorade. Se även "
    "[en källa](https://example.org/{n}) och [en annan sida](index.md).\n\n"
)


def plain_page(n: int, text_length: int) -> str:
    """A plain Markdown page whose text is about `text_length` characters long.

    The page has a heading, paragraphs with links and a list under a second
    heading, the elements our pages have most, repeated until the length is reached.
    """
    parts = [f"# Sida {n}\n\n", "## Beskrivning\n\n- första punkten\n- andra punkten\n\n"]
    length = sum(len(p) for p in parts)
    paragraph = PARAGRAPH.format(n=n)
    while length < text_length:
        parts.insert(-1, paragraph)
        length += len(paragraph)
    return "".join(parts)


def bare(root: Path, n: int, lang: str = "sv", text_length: int = 300) -> Path:
    """A bare Material site of `n` plain pages, each about `text_length` characters of text."""
    (root / "docs").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(BARE_CONFIG.replace(": sv", f": {lang}"), encoding="utf-8")
    (root / "docs" / "index.md").write_text("# Start\n", encoding="utf-8")
    for i in range(n):
        page = plain_page(i, text_length)
        (root / "docs" / f"p{i:05d}.md").write_text(page, encoding="utf-8")
    return root


OWN_TIME = re.compile(r"barrierkb: ([0-9.]+) s in this plugin")
AHEAD_TIME = re.compile(r"rendered ahead in a second process: ([0-9.]+) s")


def timed_run(command: list[str], cwd: Path) -> tuple[float, str, int]:
    """Wall-clock seconds of a command, its standard error and its peak resident memory (kB)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1790000000"}
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", PEAK, *command], cwd=cwd, env=env, capture_output=True, text=True
    )
    seconds = time.perf_counter() - start
    if result.returncode:
        raise SystemExit(f"{' '.join(command)} failed in {cwd}:\n{result.stderr[-3000:]}")
    peak = int(result.stderr.strip().rsplit("peak-kb ", 1)[1].split()[0])
    return seconds, result.stderr, peak


def our_build(project: Path) -> tuple[float, float, float, int]:
    """`make site`'s build of every edition (`barrierkb site`): seconds, barrierkb's own
    seconds (the sum of the plugin's timing line of each edition), the seconds a second
    process rendered editions beside the build, peak memory (kB)."""
    seconds, log, peak = timed_run([BARRIERKB, "site", "--site-dir", "site"], project)
    own = [float(m) for m in OWN_TIME.findall(log)]
    if len(own) != len(EDITIONS):
        raise SystemExit(f"expected {len(EDITIONS)} timing lines of the plugin, got {len(own)}")
    return seconds, sum(own), sum(float(m) for m in AHEAD_TIME.findall(log)), peak


def bare_builds(projects: list[Path]) -> float:
    """Wall-clock seconds of the bare builds of `projects`, `BARE_AT_ONCE` at a time."""
    start = time.perf_counter()
    with ThreadPoolExecutor(BARE_AT_ONCE) as pool:
        list(pool.map(lambda p: timed_run([MKDOCS, "build", "-d", "site"], p), projects))
    return time.perf_counter() - start


_ARTICLE = re.compile(r"<article[^>]*>(.*?)</article>", re.S)
_TAG = re.compile(r"<[^>]+>")


def edition_pages(folder: Path) -> list[Path]:
    """The pages an edition's build wrote (not counting the other editions' folders)."""
    nested = {f for f, _ in EDITIONS if f}
    return [p for p in folder.rglob("*.html") if p.relative_to(folder).parts[0] not in nested]


def mean_text_length(pages: list[Path]) -> int:
    """The mean length of the text a reader sees in the pages' articles, markup stripped."""
    lengths = []
    for page in pages:
        article = _ARTICLE.search(page.read_text(encoding="utf-8"))
        text = _TAG.sub("", article.group(1)) if article else ""
        lengths.append(len(" ".join(text.split())))
    return round(statistics.mean(lengths)) if lengths else 0


def measure(tmp: Path, shape: str, n: int) -> dict:
    """Our build (every edition) against as many bare builds, alternating, `REPEATS` times."""
    project = ours(tmp / f"ours-{shape}-{n}", n, shape)
    first = our_build(project)
    built = [edition_pages(project / "site" / folder) for folder, _ in EDITIONS]
    pages = [len(b) for b in built]
    text = [mean_text_length(b) for b in built]
    bares = [
        bare(tmp / f"bare-{shape}-{n}-{lang}", len(b), lang, length)
        for (_, lang), b, length in zip(EDITIONS, built, text, strict=True)
    ]
    ours_t, own_t, ahead_t, bare_t, peaks = [], [], [], [], []
    for run in range(REPEATS):
        seconds, own, ahead, peak = first if run == 0 else our_build(project)
        ours_t.append(seconds)
        own_t.append(own)
        ahead_t.append(ahead)
        peaks.append(peak)
        bare_t.append(bare_builds(bares))
    return {
        "ours": statistics.median(ours_t),
        "own": statistics.median(own_t),
        "ahead": statistics.median(ahead_t),
        "bare": statistics.median(bare_t),
        "peak_mb": max(peaks) / 1024,
        "pages": sum(pages),
        "text": round(statistics.mean(text)),
    }


def main() -> list[tuple[str, bool]]:
    print(
        f"site build, all {len(EDITIONS)} editions: ours vs as many bare Material builds of the "
        f"same page counts ({BARE_AT_ONCE} at a time), median of {REPEATS} alternating runs"
    )
    print(
        f"{'shape':>6} {'barriers':>9} {'pages':>6} {'text':>6} {'ours s':>8} {'bare s':>8}"
        f" {'ratio':>6} {'growth':>7} {'own %':>6} {'ahead s':>8} {'peak MB':>8}"
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
                    f"{shape:>6} {n:>9} {r['pages']:>6} {r['text']:>6} {r['ours']:>8.2f}"
                    f" {r['bare']:>8.2f} {ratio:>6.2f} {f'{growth:.2f}x' if growth else '':>7}"
                    f" {share:>6.1f} {r['ahead']:>8.2f} {r['peak_mb']:>8.0f}",
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
    return verdicts
