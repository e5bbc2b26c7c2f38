"""Reference data: criteria sets and administrative units, kept as data."""
