"""Load: YAML documents read with their positions, as data only, and checked against their
JSON Schemas."""
