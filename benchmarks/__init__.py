"""`make bench`: Podium's cost at the scale of a large awards operator (see BENCHMARKS.md)."""
