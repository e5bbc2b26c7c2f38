"""Vietnam's administrative units: today's (since 1 July 2025) and those before, and how an old
name resolves to today's unit.

The units come from the `vietnamadminunits` package (pinned in pyproject.toml, see docs/units.md):
its `dataset.db` lists today's 34 provinces and 3,321 communes and the 63 provinces, 696 districts
and 10,040 communes before the reform, each with its official statistics code, and its
`converter_2025.json` says which of today's communes each old commune went into. Only those data
files are read; the package's own code (which looks addresses up on the network) is never imported.

`load_units()` builds the tables once per process; they are kept in `.cache/` as plain JSON
(generator/plaincache.py) keyed by the package's version and the digest of the data files read,
because reading the package's database takes about a second.
`Reference.units` (generator/reference/data.py) holds the `Units` of a catalogue:

- `units.provinces`: today's provinces by ID (`thanh-hoa`), each with its communes by ID
  (`hoi-xuan`): IDs are slugs of today's names, the official code added only where two communes
  of one province differ by their marks alone ("van-lang-02143", "van-lang-05665");
- `units.old_provinces`, `old_districts`, `old_communes`: the units before the reform by code;
- `resolve(units, province, district, commune)`: free text as offices write it -> `Resolution`.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import re
import sqlite3
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator import plaincache
from generator.plaincache import TEXT, ListOf, MapOf, Record, Row
from generator.text import fold, slug

PACKAGE = "vietnamadminunits"
REFORM_DATE = "01/7/2025"  # the day districts were abolished and 63 provinces became 34
DATA_FILES = ("dataset.db", "converter_2025.json")  # the only files of the package that are read


@dataclass(frozen=True)
class Commune:
    """A commune, ward or special zone of today (xã, phường, đặc khu)."""

    id: str
    name: str  # with its type in lower case: "xã Hồi Xuân"
    code: str  # official statistics code, five digits: "14869"
    former: str = ""  # the units before 1 July 2025 it was made of, as one line of text


@dataclass(frozen=True)
class Province:
    """A province or centrally governed city of today."""

    id: str
    name: str  # without its type: "Thanh Hóa"
    code: str  # official statistics code, two digits: "38"
    communes: dict[str, Commune]
    full_name: str = ""  # with its type: "tỉnh Thanh Hóa"


@dataclass(frozen=True)
class OldUnit:
    """A province, district or commune as it was before 1 July 2025."""

    code: str
    name: str  # with its type in lower case: "huyện Tiểu Cần"
    parent: str  # the code of the district or province it lay in ("" for a province)
    today: tuple[str, ...]  # province: (today's province id,); commune: today's commune ids


@dataclass(frozen=True)
class Resolution:
    """Where a place named in a source document lies today."""

    province: str | None  # today's province id ("vinh-long"), None when unknown
    commune: str | None  # today's commune id in that province, None when unknown/ambiguous
    candidates: tuple[str, ...]  # today's commune ids to choose from when the old unit was split
    derived: bool  # True when today's unit was worked out from a pre-2025 one
    former: dict[str, str]  # what the source said, as given (only the keys the source gave)
    problem: str | None  # None, "unknown-province", "unknown-commune", "ambiguous-commune"


@dataclass
class Units:
    """Every administrative unit of the country, today's and before the 2025 reform."""

    provinces: dict[str, Province]
    old_provinces: dict[str, OldUnit]
    old_districts: dict[str, OldUnit]
    old_communes: dict[str, OldUnit]
    data_version: str
    # folded names without spaces -> ids or codes (several when names fold alike)
    province_keys: dict[str, list[str]] = field(default_factory=dict)
    commune_keys: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    old_province_keys: dict[str, list[str]] = field(default_factory=dict)
    old_district_keys: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    old_commune_keys: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    district_communes: dict[str, list[str]] = field(default_factory=dict)
    merged_into: dict[str, list[str]] = field(default_factory=dict)  # today's id -> old codes

    def commune_by_code(self) -> dict[str, tuple[str, str]]:
        """Official code -> (province id, commune id) of today's communes."""
        return {c.code: (p.id, c.id) for p in self.provinces.values() for c in p.communes.values()}

    def former_label(self, former: dict[str, str]) -> str:
        """What a source said, for a page: "huyện Tiểu Cần, tỉnh Trà Vinh". A name found among
        the old units is written with its type; anything else as the source gave it."""
        old = _old_province_codes(self, former.get("province"))
        parts = []
        for level in ("commune", "district", "province"):
            given = (former.get(level) or "").strip()
            if not given:
                continue
            codes = _old_lookup(self, level, given, old)
            table = {
                "commune": self.old_communes,
                "district": self.old_districts,
                "province": self.old_provinces,
            }[level]
            names = {table[code].name for code in codes}
            parts.append(names.pop() if len(names) == 1 else given)
        return ", ".join(parts)


# -- reading the package's data ---------------------------------------------------------------


def data_dir() -> Path:
    """The package's data folder, found without importing the package (its import pulls in
    network geocoding)."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"{PACKAGE} is not installed")  # a broken install must stop the run
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _type_name(kind: str | None, name: str) -> str:
    return f"{(kind or '').lower()} {name}".strip()


def _keywords(raw: str | None, *names: str) -> set[str]:
    keys = {_key(n) for n in names if n}
    if raw:
        keys.update(str(k) for k in json.loads(raw))
    return {k for k in keys if k}


def _key(text: str) -> str:
    return fold(text).replace(" ", "")


def _build(folder: Path) -> Units:
    db = sqlite3.connect(f"file:{folder / 'dataset.db'}?mode=ro", uri=True)
    converter = json.loads((folder / "converter_2025.json").read_text("utf-8"))
    provinces: dict[str, Province] = {}
    key_to_province: dict[str, str] = {}  # the package's province key -> our id
    new_ward_ids: dict[tuple[str, str], str] = {}  # (package province key, ward key) -> our id
    units = Units({}, {}, {}, {}, data_version="")
    today = db.execute(
        "SELECT province, provinceShort, provinceCode, provinceKey, provinceKeywords,"
        " ward, wardShort, wardType, wardCode, wardKey, wardKeywords FROM admin_units"
        " ORDER BY provinceCode, wardCode"
    ).fetchall()
    rows_by_province: dict[str, list[tuple]] = {}
    for row in today:
        rows_by_province.setdefault(row[2], []).append(row)
    for code, rows in rows_by_province.items():
        full, short, _, pkey, pwords = rows[0][:5]
        pid = slug(short)
        key_to_province[pkey] = pid
        for k in _keywords(pwords, short, full):
            units.province_keys.setdefault(k, []).append(pid)
        slugs = [slug(r[6]) for r in rows]
        communes: dict[str, Commune] = {}
        keys: dict[str, list[str]] = {}
        for row, s in zip(rows, slugs, strict=True):
            _, _, _, _, _, ward, short_ward, kind, wcode, wkey, wwords = row
            cid = s if slugs.count(s) == 1 else f"{s}-{wcode}"  # names alike but for their marks
            communes[cid] = Commune(cid, _type_name(kind, short_ward), wcode)
            new_ward_ids[(pkey, wkey)] = cid
            for k in _keywords(wwords, short_ward, ward):
                keys.setdefault(k, []).append(cid)
        full_name = full[0].lower() + full[1:]
        provinces[pid] = Province(pid, short, code, communes, full_name)
        units.commune_keys[pid] = keys
    units.provinces = provinces

    old_by_key: dict[str, str] = {}  # "province_district_ward" package key -> old commune code
    legacy = db.execute(
        "SELECT province, provinceShort, provinceCode, provinceKey, provinceKeywords,"
        " district, districtShort, districtType, districtCode, districtKey, districtKeywords,"
        " ward, wardShort, wardType, wardCode, wardKey, wardKeywords FROM admin_units_legacy"
        " ORDER BY provinceCode, districtCode, wardCode"
    ).fetchall()
    old_today = {old: new for new, olds in converter["DICT_PROVINCE"].items() for old in olds}
    for row in legacy:
        pfull, pshort, pcode, pkey, pwords = row[0:5]
        dfull, dshort, dkind, dcode, dkey, dwords = row[5:11]
        wfull, wshort, wkind, wcode, wkey, wwords = row[11:17]
        if pcode not in units.old_provinces:
            new_pid = key_to_province[old_today[pkey]]
            units.old_provinces[pcode] = OldUnit(
                pcode, pfull[0].lower() + pfull[1:], "", (new_pid,)
            )
            for k in _keywords(pwords, pshort, pfull):
                units.old_province_keys.setdefault(k, []).append(pcode)
        if dcode not in units.old_districts:
            units.old_districts[dcode] = OldUnit(dcode, _type_name(dkind, dshort), pcode, ())
            for k in _keywords(dwords, dshort, dfull):
                units.old_district_keys.setdefault(pcode, {}).setdefault(k, []).append(dcode)
        units.district_communes.setdefault(dcode, [])
        if wcode:
            old_by_key[f"{pkey}_{dkey}_{wkey}"] = wcode
            units.old_communes[wcode] = OldUnit(wcode, _type_name(wkind, wshort), dcode, ())
            units.district_communes[dcode].append(wcode)
            for k in _keywords(wwords, wshort, wfull):
                units.old_commune_keys.setdefault(pcode, {}).setdefault(k, []).append(wcode)
        else:  # an island district with no commune: it became one special zone
            old_by_key[f"{pkey}_{dkey}_"] = dcode
    went_to: dict[str, list[str]] = {}
    for new_pkey, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_wkey, olds in wards.items():
            cid = new_ward_ids[(new_pkey, new_wkey)]
            for old in olds:
                went_to.setdefault(old_by_key[old], []).append(cid)
    for new_pkey, olds in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, parts in olds.items():
            for part in parts:
                went_to.setdefault(old_by_key[old], []).append(
                    new_ward_ids[(new_pkey, part["newWardKey"])]
                )
    for code, cids in went_to.items():
        table = units.old_communes if code in units.old_communes else units.old_districts
        old = table[code]
        table[code] = OldUnit(old.code, old.name, old.parent, tuple(sorted(set(cids))))
        if code in units.old_districts:  # an island district: its one special zone
            units.district_communes[code] = [code]
            units.old_communes[code] = table[code]
        for cid in set(cids):
            units.merged_into.setdefault(cid, []).append(code)
    _describe_former(units)
    db.close()
    return units


def _describe_former(units: Units) -> None:
    """Give each of today's communes the line of old units it was made of."""
    for province in units.provinces.values():
        for cid, commune in list(province.communes.items()):
            olds = [units.old_communes[c] for c in units.merged_into.get(cid, ())]
            by_district: dict[str, list[str]] = {}
            for old in olds:
                by_district.setdefault(old.parent, []).append(old.name)
            text = "; ".join(
                f"{', '.join(names)} ({units.old_districts[d].name})"
                if d in units.old_districts and names != [units.old_districts[d].name]
                else ", ".join(names)
                for d, names in by_district.items()
            )
            province.communes[cid] = Commune(commune.id, commune.name, commune.code, text)


# -- keeping the tables between runs ----------------------------------------------------------

_IDS = ListOf(TEXT)
_OLD_UNIT = Row((TEXT, TEXT, TEXT, _IDS))  # code, name, parent, today
_KEYS = MapOf(_IDS)
_TABLE = Record(
    (
        # id, name, code, full name, communes as (id, name, code, former)
        ("provinces", ListOf(Row((TEXT, TEXT, TEXT, TEXT, ListOf(Row((TEXT,) * 4)))))),
        ("old_provinces", ListOf(_OLD_UNIT)),
        ("old_districts", ListOf(_OLD_UNIT)),
        ("old_communes", ListOf(_OLD_UNIT)),
        ("province_keys", _KEYS),
        ("commune_keys", MapOf(_KEYS)),
        ("old_province_keys", _KEYS),
        ("old_district_keys", MapOf(_KEYS)),
        ("old_commune_keys", MapOf(_KEYS)),
        ("district_communes", _KEYS),
        ("merged_into", _KEYS),
    )
)
_KEY_TABLES = (
    "province_keys",
    "commune_keys",
    "old_province_keys",
    "old_district_keys",
    "old_commune_keys",
    "district_communes",
    "merged_into",
)
_OLD_TABLES = ("old_provinces", "old_districts", "old_communes")


def _to_plain(units: Units) -> dict[str, object]:
    """The tables as plain values (strings, lists, objects) in the order `_TABLE` reads them."""
    plain: dict[str, object] = {
        "provinces": [
            [
                p.id,
                p.name,
                p.code,
                p.full_name,
                [[c.id, c.name, c.code, c.former] for c in p.communes.values()],
            ]
            for p in units.provinces.values()
        ]
    }
    for name in _OLD_TABLES:
        table: dict[str, OldUnit] = getattr(units, name)
        plain[name] = [[u.code, u.name, u.parent, list(u.today)] for u in table.values()]
    for name in _KEY_TABLES:
        plain[name] = getattr(units, name)
    return plain


def _from_plain(plain: dict, version: str) -> Units | None:
    """The tables back from plain values of the shape `_TABLE`; None when they do not hold
    together (a name pointing at a unit that is not there), so `resolve` never meets one."""
    provinces = {
        pid: Province(pid, name, code, {c[0]: Commune(*c) for c in communes}, full)
        for pid, name, code, full, communes in plain["provinces"]
    }
    old = {
        name: {u[0]: OldUnit(u[0], u[1], u[2], tuple(u[3])) for u in plain[name]}
        for name in _OLD_TABLES
    }
    units = Units(provinces, **old, data_version=version, **{n: plain[n] for n in _KEY_TABLES})
    communes = {p: set(province.communes) for p, province in provinces.items()}
    every_commune = set().union(*communes.values())
    checks = [
        all(i in provinces for ids in units.province_keys.values() for i in ids),
        units.commune_keys.keys() <= communes.keys(),
        all(i in communes[p] for p, k in units.commune_keys.items() for v in k.values() for i in v),
        all(i in old["old_provinces"] for v in units.old_province_keys.values() for i in v),
        all(u.today and u.today[0] in provinces for u in old["old_provinces"].values()),
        all(
            i in table
            for keys, table in (
                (units.old_district_keys, old["old_districts"]),
                (units.old_commune_keys, old["old_communes"]),
            )
            for k in keys.values()
            for v in k.values()
            for i in v
        ),
        all(i in old["old_communes"] for v in units.district_communes.values() for i in v),
        all(i in old["old_communes"] for v in units.merged_into.values() for i in v),
        all(
            # an island district with no commune stands as its own commune, in its province
            (u.parent in old["old_districts"] or u.parent in old["old_provinces"])
            and set(u.today) <= every_commune
            for u in old["old_communes"].values()
        ),
        all(u.parent in old["old_provinces"] for u in old["old_districts"].values()),
    ]
    return units if all(checks) else None


# Within one process only, the digest of files not written to since (a write changes ctime).
_DIGESTS: dict[tuple[object, ...], str] = {}


def cache_key(folder: Path) -> str:
    """The package's version and the digest of the data files read from it."""
    stats = [(folder / name).stat() for name in DATA_FILES]
    seen = (str(folder), *((s.st_ino, s.st_size, s.st_mtime_ns, s.st_ctime_ns) for s in stats))
    if seen not in _DIGESTS:
        try:
            version = importlib.metadata.version(PACKAGE)
        except importlib.metadata.PackageNotFoundError:
            version = "unknown"
        _DIGESTS[seen] = plaincache.files_digest(
            f"{PACKAGE} {version} {_TABLE!r}", [folder / name for name in DATA_FILES]
        )
    return _DIGESTS[seen]


def read_kept(path: Path, key: str) -> Units | None:
    """The tables kept at `path` under `key`; None (and the file removed) when they are not
    there, not of the expected shape, or do not hold together."""
    plain = plaincache.read(path, key, _TABLE)
    units = _from_plain(plain, key[:16]) if plain is not None else None
    if plain is not None and units is None:
        plaincache.drop(path)
    return units


_LOADED: dict[str, Units] = {}


def load_units(cache_dir: Path | None = None) -> Units:
    """Today's and the old units, built once per process and kept in `cache_dir`."""
    folder = data_dir()
    key = cache_key(folder)
    if key in _LOADED:
        return _LOADED[key]
    version = key[:16]
    path = cache_dir / f"adminunits-{version}.json" if cache_dir else None
    units = read_kept(path, key) if path is not None else None
    if units is None:
        units = _build(folder)
        units.data_version = version
        if path is not None:
            for stale in path.parent.glob("adminunits-*"):  # older keys, and older pickles
                if not stale.name.startswith(path.name):  # nor another run's file being written
                    plaincache.drop(stale)
            plaincache.write(path, key, _to_plain(units))
    _LOADED[key] = units
    return units


# -- resolving names as offices write them ----------------------------------------------------

# Type words that may precede a name, by level; matched on the lower-case text with or without
# diacritics. The captured word says which type the source meant, where names fold alike.
_TYPES = {
    "province": r"thành phố|thanh pho|tỉnh|tinh|tp|t\.p|t p",
    "district": r"thành phố|thanh pho|thị xã|thi xa|quận|quan|huyện|huyen|tp|tx|q|h",
    "commune": r"thị trấn|thi tran|đặc khu|dac khu|phường|phuong|xã|xa|tt|p|x",
}
_PATTERNS = {
    level: re.compile(rf"^\s*(?:({words})(?:[\s.]+|(?=\d)))?(.*)$", re.DOTALL)
    for level, words in _TYPES.items()
}
_SHORT_TYPE = {
    "tp": "thanhpho",
    "tx": "thixa",
    "q": "quan",
    "h": "huyen",
    "tt": "thitran",
    "p": "phuong",
    "x": "xa",
    "tp.": "thanhpho",
    "t.p": "thanhpho",
}


def _split(level: str, text: str) -> tuple[str, str, str]:
    """Free text -> (type key, name key, name as written without its type)."""
    lowered = unicodedata.normalize("NFC", text).lower().strip()
    match = _PATTERNS[level].match(lowered)
    kind, name = (match.group(1) or "", match.group(2)) if match else ("", lowered)
    if not fold(name):  # "Huyện" alone, or a name that is only a type word
        kind, name = "", lowered
    kind_key = _SHORT_TYPE.get(kind.replace(" ", ""), _key(kind))
    return kind_key, _key(name), name.strip(" .,")


def _pick(
    keys: dict[str, list[str]], level: str, text: str, name_of: Callable[[str], str]
) -> list[str]:
    """The ids or codes whose names match a text: with its type word first, then without; where
    names fold alike, the one written with the same diacritics."""
    kind, key, written = _split(level, text)
    if not key:
        return []
    found = keys.get(kind + key, []) if kind else []
    if not found:
        found = keys.get(key, [])
    found = list(dict.fromkeys(found))
    if len(found) > 1:
        exact = [i for i in found if name_of(i).lower().endswith(written)]
        found = exact or found
    return found


def _old_province_codes(units: Units, text: str | None) -> list[str]:
    if not text or not text.strip():
        return []
    return _pick(units.old_province_keys, "province", text, lambda c: units.old_provinces[c].name)


def _old_lookup(units: Units, level: str, text: str, provinces: list[str]) -> list[str]:
    """Codes of old units of a level named by a text, in some old provinces (all when none)."""
    if level == "province":
        return _old_province_codes(units, text)
    table = units.old_districts if level == "district" else units.old_communes
    keys = units.old_district_keys if level == "district" else units.old_commune_keys
    found: list[str] = []
    for pcode in provinces or list(keys):
        found += _pick(keys.get(pcode, {}), level, text, lambda c: table[c].name)
    return found


def _clean(text: object) -> str:
    return unicodedata.normalize("NFC", text).strip() if isinstance(text, str) else ""


def resolve(
    units: Units,
    province: str | None,
    district: str | None = None,
    commune: str | None = None,
) -> Resolution:
    """Where the place a source names lies today. Today's names are tried first, unless the
    source names a district (there are none since 1 July 2025) or an old province; then the old
    units, and the communes they went into. Never raises, whatever the text."""
    given = {
        level: _clean(text)
        for level, text in (("province", province), ("district", district), ("commune", commune))
        if _clean(text)
    }
    today_ids = (
        _pick(units.province_keys, "province", given["province"], lambda p: units.provinces[p].name)
        if "province" in given
        else []
    )
    old_codes = _old_province_codes(units, given.get("province"))
    if not today_ids and not old_codes:
        return Resolution(None, None, (), False, dict(given), "unknown-province")
    if today_ids:
        pid = today_ids[0]
    else:
        pid = units.old_provinces[old_codes[0]].today[0]
    province_derived = not today_ids
    if not province_derived:  # today's province: every old one merged into it may be meant
        old_codes = [c for c, u in units.old_provinces.items() if u.today[0] == pid]

    def answer(cid: str | None, candidates: tuple[str, ...], derived: bool, problem: str | None):
        derived = derived or province_derived or "district" in given
        former = dict(given) if derived else {}
        return Resolution(pid, cid, candidates, derived, former, problem)

    communes = units.provinces[pid].communes

    def today_commune() -> list[str]:
        if "commune" not in given:
            return []
        keys = units.commune_keys.get(pid, {})
        return _pick(keys, "commune", given["commune"], lambda c: communes[c].name)

    abolished = "commune" in given and _split("commune", given["commune"])[0] == "thitran"
    if "district" not in given and not province_derived and not abolished:
        found = today_commune()
        if len(found) == 1:
            return answer(found[0], (), False, None)
        if found:  # names that differ by their marks alone, written without them
            return answer(None, tuple(sorted(found)), False, "ambiguous-commune")
        if "commune" not in given:
            return answer(None, (), False, None)

    # the old units: the district if given, then the commune in it (or in the old provinces)
    districts = (
        _old_lookup(units, "district", given["district"], old_codes) if "district" in given else []
    )
    if "commune" in given:
        olds = _old_lookup(units, "commune", given["commune"], old_codes)
        if districts:
            olds = [c for c in olds if units.old_communes[c].parent in districts] or olds
    else:
        olds = [c for d in districts for c in units.district_communes.get(d, [])]
    targets = sorted(
        {cid for c in olds for cid in units.old_communes[c].today if cid in communes},
        key=lambda cid: (fold(communes[cid].name), cid),
    )
    if len(targets) == 1:
        return answer(targets[0], (), True, None)
    if targets:
        return answer(None, tuple(targets), True, "ambiguous-commune")
    found = today_commune()  # an old province or district with today's commune name
    if len(found) == 1:
        return answer(found[0], (), False, None)
    if found:
        return answer(None, tuple(sorted(found)), False, "ambiguous-commune")
    if "commune" in given or "district" in given:
        return answer(None, (), False, "unknown-commune")
    return answer(None, (), False, None)


def spelling(units: Units, text: str) -> str | None:
    """How the units write the name a text gives ("HUYỆN TIỂU CẦN" -> "Tiểu Cần"), without its
    type word: a unit of today or before the reform, of any level its type word allows, when
    every unit so named is written alike; else None."""
    levels = ("province", "district", "commune")
    typed = any(_split(level, text)[0] for level in levels)
    names: list[str] = []  # with their type words
    for level in levels:
        kind, key, _written = _split(level, text)
        if not key or (typed and not kind):
            continue  # a type word of another level ("xã ..." names no province)
        if level == "province":
            names += [units.provinces[i].full_name for i in _pick_today(units, text)]
        if level == "commune":
            names += [
                units.provinces[pid].communes[c].name
                for pid, keys in units.commune_keys.items()
                for c in keys.get(kind + key, []) + keys.get(key, [])
            ]
        table = {
            "province": units.old_provinces,
            "district": units.old_districts,
            "commune": units.old_communes,
        }[level]
        names += [table[c].name for c in _old_lookup(units, level, text, [])]
    found = {_bare(name) for name in names}
    # folding drops the marks: "HÒA AN" is "Hòa An", never "Hóa An" or "Hòa Ân"
    written = {_split(level, text)[2] for level in levels}
    found = {name for name in found if name.lower() in written} or found
    return found.pop() if len(found) == 1 else None


def _pick_today(units: Units, text: str) -> list[str]:
    return _pick(units.province_keys, "province", text, lambda i: units.provinces[i].name)


def _bare(name: str) -> str:
    """A unit's name without its type word ("huyện Tiểu Cần" -> "Tiểu Cần"): the units write
    type words in lower case and names with capitals."""
    words = name.split()
    while len(words) > 1 and words[0].islower():
        words.pop(0)
    return " ".join(words)
