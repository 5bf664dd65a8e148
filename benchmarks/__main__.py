"""`make bench`: every benchmark, one after the other, then each goal with its verdict."""

from benchmarks import check_bench, engine_bench, graph_bench, site_bench

if __name__ == "__main__":
    verdicts = []
    for bench in (site_bench, check_bench, engine_bench, graph_bench):
        verdicts += bench.main() or []
        print()
    for goal, met in verdicts:
        print(f"goal {goal}: {'met' if met else 'NOT met'}")
