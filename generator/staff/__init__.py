"""Staff tools: spreadsheet import, scaffolding, synthetic data."""
