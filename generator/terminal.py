"""Everything the `ocop` command prints goes through `echo`: data can hold control characters
(an ESC sequence retitles the window or clears the screen, a carriage return overwrites a line,
a right-to-left override reverses what follows), and they are shown escaped, never sent raw."""

from __future__ import annotations

import logging
import re

import click

# C0 controls but tab and newline, DEL and C1, bidi controls, line and paragraph separators,
# and lone surrogates (which no terminal encoding can even write).
_CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"
)


def _escaped(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` with every control character written as an escape (`\\x1b`, `\\u202e`)."""
    return _CONTROLS.sub(_escaped, text)


def echo(message: object = "", *, err: bool = False, nl: bool = True) -> None:
    """Print `message` (to stderr with `err`), its control characters escaped."""
    click.echo(printable(str(message)), err=err, nl=nl)


class PrintableFormatter(logging.Formatter):
    """A log formatter whose lines have their control characters escaped (engine messages
    quote page titles and paths, which come from the data)."""

    def format(self, record: logging.LogRecord) -> str:
        return printable(super().format(record))
