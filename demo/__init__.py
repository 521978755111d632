"""A deterministic demo drop folder, also used at scale by the benchmarks."""
