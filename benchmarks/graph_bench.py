"""Benchmark of the stakeholder graph: build it and run every analysis, at four sizes.

Run ``python -m benchmarks.graph_bench`` from the repository root. For each
size (barriers/stakeholders: 625/125, 1,250/250, 2,500/500, 5,000/1,000) it
writes a synthetic knowledge base (`benchmarks.synthetic`), loads it, and
times on one core:

- ``build_graph``;
- ``brokers`` (exact betweenness on the stakeholder projection);
- ``communities`` (Louvain, seeded);
- ``all_advocacy_routes`` (3 routes to every responsible stakeholder of every
  barrier) and ``all_allies`` (every barrier);
- ``home_allies`` and ``power_interest``;
- ``ego_network`` at radius 1 and 2 for every stakeholder.

The sum of these is the figure the goal applies to (under 10 s at
5,000/1,000). Loading the records and drawing the SVGs (the network and a
radius-1 ego drawing per stakeholder) are timed too, and reported apart.
"""

from __future__ import annotations

import argparse
import gc
import tempfile
import time
from collections.abc import Callable

from barrierkb.network import analytics, drawings
from barrierkb.network.allies import all_allies, home_allies
from barrierkb.network.graph import build_graph
from barrierkb.network.routes import all_advocacy_routes
from barrierkb.records.load import load

from .synthetic import HOME, synthetic_kb_files

SIZES = ((625, 125), (1250, 250), (2500, 500), (5000, 1000))
GOAL_SECONDS = 10.0


def _timed(fn: Callable[[], object]) -> tuple[float, object]:
    gc.collect()  # each phase starts without the garbage of the one before
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def run_size(n_barriers: int, n_stakeholders: int, seed: int = 0) -> dict[str, float | int]:
    """Seconds per phase for one size, with the graph's counts."""
    with tempfile.TemporaryDirectory() as tmp:
        synthetic_kb_files(tmp, n_barriers, n_stakeholders, seed)
        t_load, kb = _timed(lambda: load(tmp))
    t: dict[str, float | int] = {"load": t_load}
    t["build_graph"], G = _timed(lambda: build_graph(kb))
    stakeholders = sorted(G.nodes[n]["record_id"] for n in G if n.startswith("stakeholder:"))
    t["brokers"], _ = _timed(lambda: analytics.brokers(G))
    t["communities"], _ = _timed(lambda: analytics.communities(G, seed=42))
    t["advocacy_routes"], routes = _timed(lambda: all_advocacy_routes(G, HOME))
    targets = sum(len(v) for v in routes.values())
    no_route = sum(entry["no_route"] for v in routes.values() for entry in v)
    del routes  # not kept alive through the phases after it
    t["allies"], _ = _timed(lambda: all_allies(G, HOME))
    t["home_allies"], _ = _timed(lambda: home_allies(G, HOME))
    t["power_interest"], _ = _timed(lambda: analytics.power_interest(G))
    t["ego_r1"], _ = _timed(lambda: [analytics.ego_network(G, s, 1) for s in stakeholders])
    t["ego_r2"], _ = _timed(lambda: [analytics.ego_network(G, s, 2) for s in stakeholders])
    analyses = [k for k in t if k != "load"]
    t["total"] = sum(float(t[k]) for k in analyses)
    t["draw"], _ = _timed(
        lambda: (
            [drawings.network_svg(G, home=HOME)] + [drawings.ego_svg(G, s, 1) for s in stakeholders]
        )
    )
    t["nodes"], t["edges"] = G.number_of_nodes(), G.number_of_edges()
    t["targets"], t["no_route"] = targets, no_route
    return t


def main(argv: list[str] | None = None) -> list[tuple[str, bool]]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic records")
    parser.add_argument(
        "--largest", type=int, default=5000, help="barriers at the largest size (default 5000)"
    )
    args = parser.parse_args(argv)
    sizes = [(b, s) for b, s in SIZES if b <= args.largest] or [SIZES[0]]

    phases = [
        "build_graph",
        "brokers",
        "communities",
        "advocacy_routes",
        "allies",
        "home_allies",
        "power_interest",
        "ego_r1",
        "ego_r2",
    ]
    results = []
    for n_barriers, n_stakeholders in sizes:
        t = run_size(n_barriers, n_stakeholders, args.seed)
        results.append(((n_barriers, n_stakeholders), t))
        print(
            f"{n_barriers:>5} barriers / {n_stakeholders:>4} stakeholders: "
            f"{t['nodes']} nodes, {t['edges']} edges, {t['targets']} route targets "
            f"({t['no_route']} with no route)",
            flush=True,
        )
    print()
    header = f"{'phase (s)':<16}" + "".join(f"{f'{b}/{s}':>12}" for (b, s), _ in results)
    print(header)
    print("-" * len(header))
    for phase in [*phases, "total", "load", "draw"]:
        print(f"{phase:<16}" + "".join(f"{t[phase]:>12.3f}" for _, t in results))
    if len(results) > 1:
        ratios = [
            float(results[i][1]["total"]) / max(float(results[i - 1][1]["total"]), 1e-9)
            for i in range(1, len(results))
        ]
        print(f"{'growth (total)':<16}{'':>12}" + "".join(f"{r:>11.2f}x" for r in ratios))
    (b, s), last = results[-1]
    met = float(last["total"]) < GOAL_SECONDS
    print(
        f"\nbuild_graph + analyses at {b}/{s}: {float(last['total']):.2f} s "
        f"(goal under {GOAL_SECONDS:.0f} s: {'met' if met else 'NOT met'}); loading "
        f"{float(last['load']):.2f} s and drawings {float(last['draw']):.2f} s not included"
    )
    return [(f"graph analyses at {b}/{s} under {GOAL_SECONDS:.0f} s", met)]


if __name__ == "__main__":
    main()
