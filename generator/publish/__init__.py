"""Publish: the site engine at the edge (MkDocs, or Zensical), the steps after any engine (drawn
files, Content-Security-Policy, the browser editor) and the static host's limits."""
