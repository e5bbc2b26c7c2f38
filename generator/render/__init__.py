"""Render: pages, search index, feed and open data from the model."""
