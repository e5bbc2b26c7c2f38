"""Problems are values: a stable code, a position and parameters; a report decides the outcome."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from generator.messages import render_error, render_hint, render_message, say


class OcopError(Exception):
    """Base class for what must stop a run (never for problems in the data): a code of the
    catalogue's ERRORS and its params (data only), worded in either language."""

    exit_code = 1

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params

    def message(self, lang: str = "vi") -> str:
        """What stopped the run and how to fix it, in `lang`."""
        return render_error(self.code, self.params, lang)

    def __str__(self) -> str:
        return self.message()

    def __reduce__(self) -> tuple[Any, ...]:
        # raised in a forked worker, it travels back pickled: rebuilt from code and params
        return _rebuild_error, (type(self), self.code, self.params)


def _rebuild_error(kind: type[OcopError], code: str, params: dict[str, Any]) -> OcopError:
    return kind(code, **params)


@dataclass(frozen=True)
class Problem:
    """One problem in the data, at a position in a file."""

    file: str
    line: int | None
    column: int | None
    code: str
    params: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    path: str = ""

    def message(self, lang: str = "vi") -> str:
        """The problem in words, in `lang` ("vi" or "en")."""
        return render_message(self.code, self.params, lang)

    def hint(self, lang: str = "vi") -> str:
        """How to fix it, in `lang`."""
        return render_hint(self.code, self.params, lang)

    def location(self) -> str:
        """`path:line:column`, leaving out what is unknown."""
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def format(self, lang: str = "vi") -> str:
        """`path:line:column: message [code]` and an indented hint line."""
        text = f"{self.location()}: {self.message(lang)} [{self.code}]"
        hint = self.hint(lang)
        label = say("fix", lang)
        return f"{text}\n    {label}: {hint}" if hint else text

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line or 0, self.column or 0, self.code)


@dataclass
class Report:
    """Every problem of one run, sorted by position."""

    problems: list[Problem] = field(default_factory=list)

    def extend(self, problems: Iterable[Problem]) -> None:
        self.problems.extend(problems)

    @property
    def ok(self) -> bool:
        return not self.problems

    def sorted(self) -> list[Problem]:
        """Problems by position; the same problem reported twice is listed once."""
        unique = {(p.sort_key(), p.path, p.message()): p for p in self.problems}
        return sorted(unique.values(), key=Problem.sort_key)

    def format_text(self, lang: str = "vi", checked: int | None = None) -> str:
        lines = [p.format(lang) for p in self.sorted()]
        count = len(lines)
        tail = say("problem-count", lang, count=count) if count else say("data-valid", lang)
        if checked is not None:
            tail += say("files-checked", lang, count=checked)
        return "\n".join([*lines, tail + "."])

    def format_json(self, lang: str = "vi") -> str:
        rows = []
        for p in self.sorted():
            row = asdict(p)
            row["params"] = {k: str(v) for k, v in p.params.items()}
            row["message"] = p.message(lang)
            row["hint"] = p.hint(lang)
            rows.append(row)
        return json.dumps({"ok": self.ok, "problems": rows}, ensure_ascii=False, indent=2)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.sorted())
