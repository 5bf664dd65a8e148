"""`make bench`: every benchmark, one after the other."""

from benchmarks import graph_bench, site_bench

if __name__ == "__main__":
    site_bench.main()
    print()
    graph_bench.main()
