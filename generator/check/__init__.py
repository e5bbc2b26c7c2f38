"""Check: every problem of a data file, with its position."""
