"""Golden files: what a user consumes (pages, open-data records, CSV), kept in tests/golden/
and compared byte for byte.

Refresh them all after an intended change with:
    OCOP_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_render.py tests/test_export.py
and read the diff (`git diff tests/golden/`) before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN = Path(__file__).parent / "golden"


def check_golden(name: str, text: str) -> None:
    """`text` is the golden file `name` (written instead, when refreshing)."""
    path = GOLDEN / name
    if os.environ.get("OCOP_UPDATE_GOLDEN"):
        path.write_bytes(text.encode("utf-8"))  # line ends kept as they are
    assert path.is_file(), f"{name}: no golden file yet; refresh to write it"
    expected = path.read_bytes().decode("utf-8")
    assert text == expected, f"{name} differs from its golden file: refresh if intended"
