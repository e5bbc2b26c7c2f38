"""The producers already in the catalogue, found by name however it is spelled: names compare by
their folded key (generator.legalform), and a near match in the same province is found through
the distinctive words two names share."""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.legalform import core_words, name_key
from generator.problems import Problem

NEAR = 0.85  # names whose distinctive words are this alike may be one producer
COMMON_WORD = 200  # a word this many producers of a province share tells nothing apart
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Entry:
    """A producer as matching needs it."""

    id: str
    name: str
    province: str
    file: Path
    key: str = ""

    def __post_init__(self) -> None:
        self.key = self.key or name_key(self.name)


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
        for word in _blocks(entry.key):
            words[word].append(entry)

    def find(self, province: str, name: str) -> Entry | None:
        """The producer of this province whose name folds to the same key."""
        return self.entries.get((province, name_key(name)))

    def similar(self, province: str, name: str) -> Entry | None:
        """A producer of this province whose name is close but not the same, or None."""
        key = name_key(name)
        words = _blocks(key)
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
        core = " ".join(core_words(key))
        best: tuple[float, Entry] | None = None
        for entry_id, count in shared.most_common(20):
            if count * 2 < len(words):
                break
            entry = by_id[entry_id]
            other = " ".join(core_words(entry.key))
            ratio = 1.0 if other == core else difflib.SequenceMatcher(None, core, other).ratio()
            if ratio >= NEAR and entry.key != key and (best is None or ratio > best[0]):
                best = (ratio, entry)
        return best[1] if best else None


def _blocks(key: str) -> set[str]:
    """What two names must share to be compared: the first letters of their distinctive words
    (so "Mẫuu" is still compared with "Mẫu")."""
    return {word[:3] for word in core_words(key)}


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
