"""Work of later steps done in a second process while the build does its own.

`barrierkb site` builds the editions one after another, and most of each
build is MkDocs and Material working on one core. On a machine with a second
core, a second process renders meanwhile what the builds will ask for: the
first edition's overview (its network page and downloads, while the build
renders that edition's record pages), then every page and file of the next
editions. Each build takes its part ready-made (`rendered`).

The same functions of the same inputs give the same bytes in either process.
Whenever the second process has nothing for a build (it failed, or a record
file changed since it read the records), the build renders that part itself,
and reports whatever went wrong as it always does.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
import shutil
import signal
import tempfile
import warnings
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from time import perf_counter

from ..records.i18n import reset_edition, set_edition
from . import render_overview, render_pages, render_site, site_files
from .prepare import SiteState, prepare

#: Generated pages and files by path (what `render_site` returns).
Files = dict[str, str | bytes]
#: What the second process can render for an edition: all of it, or its overview (the
#: network page and the downloads, which read the whole graph).
PARTS: dict[str, Callable[..., Files]] = {"site": render_site, "overview": render_overview}


@dataclass(frozen=True)
class Edition:
    """What `prepare` is given for one edition: equal editions render the same files."""

    root: str
    audience: str
    home: str
    edit_url: str
    commit_url: str
    site_url: str
    lang: str
    overlay: str | None = None


def render_edition(edition: Edition, part: str = "site") -> tuple[tuple, Files]:
    """The records' version (`SiteState.version`) and the files of `part` of `edition`."""
    token = set_edition(edition.lang)
    try:
        state = prepare(**asdict(edition))
        return state.version, PARTS[part](state.kb, state.options, state.network, state.history)
    finally:
        reset_edition(token)


def rendered(state: SiteState, edition: Edition, ahead: RenderAhead | None) -> tuple[Files, float]:
    """Every generated file of the edition in `state` (as `render_site` gives them), and the
    seconds the second process spent on them: what it rendered is taken, the rest rendered here.
    """
    inputs = (state.kb, state.options, state.network, state.history)
    if ahead is not None:
        whole = ahead.take(edition, state.version)
        if whole is not None:
            return whole
        if (edition, "overview") in ahead.jobs:
            pages = render_pages(*inputs)
            overview, seconds = ahead.take(edition, state.version, "overview") or (
                render_overview(*inputs),
                0.0,
            )
            return site_files(pages, overview), seconds
    return render_site(*inputs), 0.0


def second_core() -> bool:
    """Whether this process may run on more than one core."""
    try:
        return len(os.sched_getaffinity(0)) > 1
    except AttributeError:  # not on Linux
        return (os.cpu_count() or 1) > 1


class RenderAhead:
    """Parts of editions (`jobs`: edition and part) rendered in order by a second process,
    each handed over when taken.

    Each part waits in a file of its own until `take`, so the building process
    never holds more than the edition it builds.
    """

    def __init__(self, jobs: list[tuple[Edition, str]]) -> None:
        self.jobs = list(jobs)
        self.folder = Path(tempfile.mkdtemp(prefix="barrierkb-ahead-"))
        #: Seconds the second process took for each job done, None where it failed.
        self.seconds: dict[int, float | None] = {}
        # Forked where the system can (it starts at once, with the modules loaded, and
        # leaves no helper process behind), else spawned; either way it reads the records
        # itself. `barrierkb site` starts it before any build, with no other thread running.
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self._done, sender = context.Pipe(duplex=False)
        self.process = context.Process(
            target=_render_all, args=(self.jobs, self.folder, sender), daemon=True
        )
        self.process.start()
        sender.close()

    def take(
        self, edition: Edition, version: tuple, part: str = "site"
    ) -> tuple[Files, float] | None:
        """The files of `part` of `edition` and the seconds they took, once rendered; None
        when the second process has none for it, or read records other than `version`."""
        if (edition, part) not in self.jobs:
            return None
        index = self.jobs.index((edition, part))
        while index not in self.seconds:
            try:
                done, seconds = self._done.recv()
            except EOFError:  # the process ended without it
                return None
            self.seconds[done] = seconds
        seconds = self.seconds[index]
        path = self.folder / f"{index}.pickle"
        if seconds is None or not path.exists():
            return None
        with path.open("rb") as file:
            read, files = pickle.load(file)
        path.unlink()
        return (files, seconds) if read == version else None

    def close(self) -> None:
        """Stop the second process (a failed build does not wait for it) and clean up."""
        if self.process.is_alive():
            self.process.terminate()
        self.process.join()
        self._done.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> RenderAhead:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _render_all(jobs: list[tuple[Edition, str]], folder: Path, done) -> None:
    """The second process: render each job into `folder`, saying when each is done."""
    # The building process reports what goes wrong, when it renders the part itself, and
    # stops this one (`close`) when the build ends or is interrupted (Ctrl-C reaches both).
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for index, (edition, part) in enumerate(jobs):
        start = perf_counter()
        try:
            result = render_edition(edition, part)
            partial = folder / f"{index}.part"
            with partial.open("wb") as file:
                pickle.dump(result, file, protocol=pickle.HIGHEST_PROTOCOL)
            partial.replace(folder / f"{index}.pickle")
        except Exception:  # the building process renders this part itself, and says why
            done.send((index, None))
            continue
        del result
        done.send((index, perf_counter() - start))
    done.close()
