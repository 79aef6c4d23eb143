"""Load, soak and content benchmarks (docs/benchmarks.md); a package so its scripts share code."""
