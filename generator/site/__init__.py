"""Site: the engine (MkDocs) at the edge, and the steps after it."""
