"""Benchmarks: synthetic knowledge bases and timings (`python -m benchmarks.graph_bench`)."""
