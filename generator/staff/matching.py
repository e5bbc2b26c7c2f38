"""The producers already in the catalogue, found by name however it is spelled: names compare by
their folded key (generator.staff.legalform), and a near match in the same province is found through
the distinctive words two names share."""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.problems import Problem
from generator.staff.legalform import core_words, name_key

NEAR = 0.75  # a word this alike to another is the same word mistyped ("farm", "fram")
COMMON_WORD = 50  # a word this many producers of a province share tells nothing apart
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Entry:
    """A producer as matching needs it."""

    id: str
    name: str
    province: str
    file: Path
    key: str = ""
    core: tuple[str, ...] = ()  # the key's distinctive words, worked out once

    def __post_init__(self) -> None:
        self.key = self.key or name_key(self.name)
        self.core = core_words(self.key)


@dataclass
class ProducerIndex:
    """Producers by province and name key, and every ID already taken."""

    entries: dict[tuple[str, str], Entry] = field(default_factory=dict)
    taken: set[str] = field(default_factory=set)
    _words: dict[str, dict[str, list[Entry]]] = field(default_factory=dict)

    @classmethod
    def scan(cls, data_dir: Path) -> ProducerIndex:
        """Every producer file under data/producers and the IDs of every record."""
        index = cls()
        for path in sorted(data_dir.glob("*/**/*.yaml")):
            try:
                data = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=_Loader)
            except (yaml.YAMLError, UnicodeDecodeError, OSError):
                continue  # a broken file is `ocop validate`'s to report
            if not isinstance(data, dict):
                continue
            index.taken.update(_ids(data))
            for product in data.get("products") or []:
                if isinstance(product, dict):
                    index.taken.update(_ids(product))
            if path.parent.parent.name == "producers" and isinstance(data.get("name"), str):
                index.add(Entry(str(data.get("id")), data["name"], path.parent.name, path))
        return index

    def add(self, entry: Entry) -> None:
        self.entries.setdefault((entry.province, entry.key), entry)
        self.taken.add(entry.id)
        words = self._words.setdefault(entry.province, defaultdict(list))
        for word in {word[:3] for word in entry.core}:
            words[word].append(entry)

    def find(self, province: str, name: str) -> Entry | None:
        """The producer of this province whose name folds to the same key."""
        return self.entries.get((province, name_key(name)))

    def similar(self, province: str, name: str) -> Entry | None:
        """A producer of this province whose name is close but not the same, or None. What two
        names must share to be compared is the first letters of a distinctive word (so "Mẫuu" is
        still compared with "Mẫu"): only the producers sharing one are looked at."""
        key = name_key(name)
        words_here = core_words(key)
        words = {word[:3] for word in words_here}
        postings = self._words.get(province, {})
        shared: Counter[str] = Counter()
        by_id: dict[str, Entry] = {}
        for word in words:
            found = postings.get(word, [])
            if len(found) > COMMON_WORD:
                continue
            for entry in found:
                shared[entry.id] += 1
                by_id[entry.id] = entry
        for entry_id, count in shared.most_common(20):
            if count * 2 < len(words):
                break
            entry = by_id[entry_id]
            if entry.key != key and near(words_here, entry.core):
                return entry
        return None


def near(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Whether two names' distinctive words look like one name written twice: the same words
    (another legal form, another order, other spacing), or one long word mistyped by a letter.
    Names apart by a short word or a number ("Nguyễn Văn An", "Nguyễn Văn Anh") stay apart."""
    if not one or not other:
        return False
    if sorted(one) == sorted(other) or "".join(one) == "".join(other):
        return True
    if len(one) != len(other):
        return False
    differing = [(a, b) for a, b in zip(one, other, strict=True) if a != b]
    if len(differing) != 1:
        return False
    a, b = differing[0]
    if min(len(a), len(b)) < 4 or a.isdigit() or b.isdigit():
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= NEAR


def _ids(record: dict) -> list[str]:
    values = [record.get("id"), *(record.get("aliases") or [])]
    return [v for v in values if isinstance(v, str)]


def namesake_warnings(producers: list[Any], root: Path) -> list[Problem]:
    """A warning for each producer whose name folds like an earlier one's of the same province
    (`ocop validate` prints them; they do not fail the run)."""
    first: dict[tuple[str, str], Any] = {}
    warnings = []
    for producer in sorted(producers, key=lambda p: p.source_file):
        key = (producer.province.id, name_key(producer.name))
        other = first.setdefault(key, producer)
        if other is producer:
            continue
        warnings.append(
            Problem(
                producer.source_file,
                _name_line(root / producer.source_file),
                None,
                "similar-producers",
                {
                    "name": producer.name,
                    "producer": producer.id,
                    "other_name": other.name,
                    "other": other.id,
                    "file": other.source_file,
                },
            )
        )
    return warnings


def _name_line(path: Path) -> int | None:
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    return next((i for i, line in enumerate(lines, 1) if line.startswith("name:")), None)
