"""`make bench`: every benchmark, one after the other, then each goal with its verdict,
the last one being how long the whole run took (the issue bounds it at 30 minutes)."""

import time

from benchmarks import check_bench, engine_bench, graph_bench, site_bench

#: Minutes a full `make bench` may take on the project's 2-core machine.
BOUND_MINUTES = 30

if __name__ == "__main__":
    start = time.perf_counter()
    verdicts = []
    # The two that time work inside this process come first, before the site builds have
    # left anything behind in it.
    for bench in (graph_bench, check_bench, site_bench, engine_bench):
        verdicts += bench.main() or []
        print()
    minutes = (time.perf_counter() - start) / 60
    print(f"make bench took {minutes:.1f} minutes\n")
    verdicts.append((f"make bench within {BOUND_MINUTES} minutes", minutes <= BOUND_MINUTES))
    for goal, met in verdicts:
        print(f"goal {goal}: {'met' if met else 'NOT met'}")
