"""Later editions rendered in a second process while the first one is built.

`barrierkb site` builds the editions one after another, and most of each
build is MkDocs and Material working on one core. The records' pages of the
next editions do not depend on that work, so on a machine with a second core
a second process renders them meanwhile, in order, and each edition's build
takes its pages ready-made (`RenderAhead.take`).

The same function of the same inputs gives the same bytes in either process.
Whenever the second process has nothing for an edition (it failed, or a
record file changed since it read the records), the build renders that
edition itself, and reports whatever went wrong as it always does.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
import shutil
import tempfile
import warnings
from dataclasses import asdict, dataclass
from pathlib import Path
from time import perf_counter

from ..records.i18n import reset_edition, set_edition
from . import render_site
from .prepare import prepare

#: An edition's generated pages and files, by path (what `render_site` returns).
Files = dict[str, str | bytes]


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


def render_edition(edition: Edition) -> tuple[tuple, Files]:
    """The records' version (`SiteState.version`) and every generated file of `edition`."""
    token = set_edition(edition.lang)
    try:
        state = prepare(**asdict(edition))
        return state.version, render_site(state.kb, state.options, state.network, state.history)
    finally:
        reset_edition(token)


def second_core() -> bool:
    """Whether this process may run on more than one core."""
    try:
        return len(os.sched_getaffinity(0)) > 1
    except AttributeError:  # not on Linux
        return (os.cpu_count() or 1) > 1


class RenderAhead:
    """`editions` rendered in order by a second process, each handed over when taken.

    Each edition's files wait in a file of their own until `take`, so the
    building process never holds more than the edition it builds.
    """

    def __init__(self, editions: list[Edition]) -> None:
        self.editions = list(editions)
        self.folder = Path(tempfile.mkdtemp(prefix="barrierkb-ahead-"))
        #: Seconds the second process took for each edition done, None where it failed.
        self.seconds: dict[int, float | None] = {}
        # Forked where the system can (it starts at once, with the modules loaded, and
        # leaves no helper process behind), else spawned; either way it reads the records
        # itself. `barrierkb site` starts it before any build, with no other thread running.
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self._done, sender = context.Pipe(duplex=False)
        self.process = context.Process(
            target=_render_all, args=(self.editions, self.folder, sender), daemon=True
        )
        self.process.start()
        sender.close()

    def take(self, edition: Edition, version: tuple) -> tuple[Files, float] | None:
        """The files of `edition` and the seconds they took, once rendered; None when
        the second process has none for it, or read records other than `version`."""
        if edition not in self.editions:
            return None
        index = self.editions.index(edition)
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


def _render_all(editions: list[Edition], folder: Path, done) -> None:
    """The second process: render each edition into `folder`, saying when each is done."""
    # The building process reports what goes wrong, when it renders the edition itself.
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    for index, edition in enumerate(editions):
        start = perf_counter()
        try:
            rendered = render_edition(edition)
            part = folder / f"{index}.part"
            with part.open("wb") as file:
                pickle.dump(rendered, file, protocol=pickle.HIGHEST_PROTOCOL)
            part.replace(folder / f"{index}.pickle")
        except Exception:  # the building process renders this edition itself, and says why
            done.send((index, None))
            continue
        del rendered
        done.send((index, perf_counter() - start))
    done.close()
