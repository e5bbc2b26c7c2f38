"""Benchmarks: scripts that measure and print figures (targets live here, not in timed tests)."""
