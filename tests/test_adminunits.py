"""Administrative units from the maintained package, and old names resolved to today's units."""

from __future__ import annotations

import copy
import json
import os
import pickle
import shlex
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.reference import units as adminunits
from generator.reference.units import Resolution, load_units, resolve


@pytest.fixture(scope="module")
def units():
    return load_units()


def test_every_unit_of_today_and_before_the_reform(units) -> None:
    assert len(units.provinces) == 34
    assert sum(len(p.communes) for p in units.provinces.values()) == 3321
    assert len(units.old_provinces) == 63
    assert len(units.old_districts) == 696
    codes = [c.code for p in units.provinces.values() for c in p.communes.values()]
    assert len(set(codes)) == 3321 and all(len(c) == 5 and c.isdigit() for c in codes)
    thanh_hoa = units.provinces["thanh-hoa"]
    assert (thanh_hoa.name, thanh_hoa.code, thanh_hoa.full_name) == (
        "Thanh Hóa",
        "38",
        "tỉnh Thanh Hóa",
    )
    hoi_xuan = thanh_hoa.communes["hoi-xuan"]
    assert (hoi_xuan.name, hoi_xuan.code) == ("xã Hồi Xuân", "14869")
    assert "thị trấn Hồi Xuân" in hoi_xuan.former and "huyện Quan Hóa" in hoi_xuan.former


def test_sample_ids_are_todays_units(units) -> None:
    for province, communes in {
        "thanh-hoa": ["hoi-xuan", "nam-xuan", "phu-le", "trung-thanh"],
        "cao-bang": ["hoa-an", "nguyen-hue", "bach-dang", "nam-tuan"],
    }.items():
        assert set(communes) <= set(units.provinces[province].communes)


def test_names_alike_but_for_their_marks_get_the_code_in_their_id(units) -> None:
    thai_nguyen = units.provinces["thai-nguyen"].communes
    assert thai_nguyen["van-lang-02143"].name == "xã Văn Lang"
    assert thai_nguyen["van-lang-05665"].name == "xã Văn Lăng"
    assert "van-lang" not in thai_nguyen


def test_todays_names_resolve_as_they_are(units) -> None:
    assert resolve(units, "Thanh Hóa", None, "xã Hồi Xuân") == Resolution(
        "thanh-hoa", "hoi-xuan", (), False, {}, None
    )
    assert resolve(units, "thanh hoa", commune="hoi xuan").commune == "hoi-xuan"
    assert resolve(units, "Tỉnh Cao Bằng").province == "cao-bang"


def test_old_province_resolves_to_todays(units) -> None:
    r = resolve(units, "Kiên Giang")
    assert (r.province, r.commune, r.derived, r.former, r.problem) == (
        "an-giang",
        None,
        True,
        {"province": "Kiên Giang"},
        None,
    )
    assert resolve(units, "Trà Vinh").province == "vinh-long"


def test_old_district_and_commune(units) -> None:
    r = resolve(units, "Trà Vinh", "huyện Tiểu Cần", "thị trấn Cầu Quan")
    assert (r.province, r.commune, r.derived, r.problem) == ("vinh-long", "tan-hoa", True, None)
    assert r.former == {
        "province": "Trà Vinh",
        "district": "huyện Tiểu Cần",
        "commune": "thị trấn Cầu Quan",
    }
    assert units.former_label(r.former) == "thị trấn Cầu Quan, huyện Tiểu Cần, tỉnh Trà Vinh"
    # an old district with today's province, as offices wrote it after the merger
    assert resolve(units, "Vĩnh Long", "Tiểu Cần", "Cầu Quan").commune == "tan-hoa"
    # an old commune whose name today's commune kept, in a district that is gone
    r = resolve(units, "Thanh Hóa", "huyện Quan Hóa", "thị trấn Hồi Xuân")
    assert (r.commune, r.derived) == ("hoi-xuan", True)
    # a "thị trấn" is an old unit even without its district
    assert resolve(units, "Thanh Hóa", None, "thị trấn Hồi Xuân").derived


def test_old_district_alone_lists_todays_communes(units) -> None:
    r = resolve(units, "tra vinh", "tieu can")
    assert r.problem == "ambiguous-commune" and r.commune is None
    assert r.candidates == ("hung-hoa", "tan-hoa", "tap-ngai", "tieu-can")
    assert units.former_label(r.former) == "huyện Tiểu Cần, tỉnh Trà Vinh"


def test_split_commune_lists_candidates(units) -> None:
    r = resolve(units, "Hà Nội", "Quận Hoàn Kiếm", "Phường Hàng Trống")
    assert r.problem == "ambiguous-commune" and r.commune is None
    assert r.candidates == ("cua-nam", "hoan-kiem")
    assert all(c in units.provinces["ha-noi"].communes for c in r.candidates)


def test_prefixes_abbreviations_and_no_diacritics(units) -> None:
    for text in ("TP. Hồ Chí Minh", "TP.HCM", "tp ho chi minh", "Thành phố Hồ Chí Minh", "HCM"):
        assert resolve(units, text).province == "ho-chi-minh", text
    assert resolve(units, "TP.HCM", "Quận 1", "P. Bến Nghé").commune == "sai-gon"
    assert resolve(units, "T.P Hà Nội", "Q. Hoàn Kiếm", "P.Hàng Bạc").province == "ha-noi"
    assert resolve(units, "TINH TRA VINH", "HUYEN TIEU CAN", "TT CAU QUAN").commune == "tan-hoa"
    # NFD text as some spreadsheets store it
    import unicodedata

    nfd = unicodedata.normalize("NFD", "Cao Bằng")
    assert resolve(units, nfd, "Hòa An", "Nguyễn Huệ").commune == "nguyen-hue"


def test_names_that_differ_by_marks_alone(units) -> None:
    assert resolve(units, "Thanh Hóa", None, "Đông Tiến").commune == "dong-tien-15853"
    assert resolve(units, "Thanh Hóa", None, "Đồng Tiến").commune == "dong-tien-15724"
    r = resolve(units, "Thanh Hoa", None, "dong tien")
    assert r.problem == "ambiguous-commune" and not r.derived
    assert set(r.candidates) == {"dong-tien-15853", "dong-tien-15724"}


def test_garbage_gives_a_reason(units) -> None:
    assert resolve(units, "asdf qwer").problem == "unknown-province"
    assert resolve(units, None).problem == "unknown-province"
    assert resolve(units, "Thanh Hóa", None, "xyz không có").problem == "unknown-commune"
    assert resolve(units, "Trà Vinh", "huyện Không Có").problem == "unknown-commune"


@settings(max_examples=150, deadline=None)
@given(st.text(), st.one_of(st.none(), st.text()), st.one_of(st.none(), st.text()))
def test_resolve_never_raises(province: str, district: str | None, commune: str | None) -> None:
    units = load_units()
    r = resolve(units, province, district, commune)
    assert r.problem in (None, "unknown-province", "unknown-commune", "ambiguous-commune")
    assert r.province is None or r.province in units.provinces
    if r.commune is not None:
        assert r.commune in units.provinces[r.province].communes


def _fresh(cache: Path):
    adminunits._LOADED.clear()  # as a new process would
    return load_units(cache)


def _kept(cache: Path) -> Path:
    return cache / f"adminunits-{adminunits.cache_key(adminunits.data_dir())[:16]}.json"


def test_tables_kept_as_plain_json_give_the_same_units(tmp_path: Path, units) -> None:
    built = _fresh(tmp_path)
    kept = json.loads(_kept(tmp_path).read_text("utf-8"))
    assert kept["key"] == adminunits.cache_key(adminunits.data_dir())
    assert [p.name for p in tmp_path.iterdir()] == [_kept(tmp_path).name]
    assert _fresh(tmp_path) == built == units


def _evil_pickle(marker: Path) -> bytes:
    class Command:
        def __reduce__(self):
            return os.system, (f"touch {shlex.quote(str(marker))}",)

    return pickle.dumps(Command())


def _evil_pickle(marker: Path) -> bytes:
    class Command:
        def __reduce__(self):
            return os.system, (f"touch {shlex.quote(str(marker))}",)

    return pickle.dumps(Command())


def built_key() -> str:
    return adminunits.cache_key(adminunits.data_dir())


@pytest.mark.parametrize("pickled", [False, True], ids=["garbage", "pickle-running-a-command"])
def test_a_replaced_cache_file_is_rebuilt_and_runs_nothing(
    tmp_path: Path, units, pickled: bool
) -> None:
    cache, marker = tmp_path / "cache", tmp_path / "ran"
    built = _fresh(cache)
    data = _evil_pickle(marker) if pickled else b"\x00garbage\xff{"
    if pickled:  # the crafted pickle is live: loading it runs the command
        pickle.loads(data)
        assert marker.exists()
        marker.unlink()
    _kept(cache).write_bytes(data)
    (cache / "adminunits-186e56b94d00560c.pickle").write_bytes(data)  # an older release's name
    assert _fresh(cache) == built
    assert not marker.exists()
    assert json.loads(_kept(cache).read_text("utf-8"))["key"] == built_key()
    assert [p.name for p in cache.iterdir()] == [_kept(cache).name]


@pytest.fixture(scope="module")
def kept_once(tmp_path_factory, units) -> dict:
    cache = tmp_path_factory.mktemp("units")
    _fresh(cache)
    return json.loads(_kept(cache).read_text("utf-8"))


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param(lambda k: k.__setitem__("key", "0" * 64), id="another-key"),
        pytest.param(lambda k: k.pop("key"), id="no-key"),
        pytest.param(lambda k: k["table"]["provinces"][0].__setitem__(2, 38), id="code-a-number"),
        pytest.param(lambda k: k["table"]["provinces"][0].pop(), id="a-row-too-short"),
        pytest.param(lambda k: k["table"].pop("merged_into"), id="a-table-missing"),
        pytest.param(lambda k: k["table"].__setitem__("extra", []), id="a-table-more"),
        pytest.param(lambda k: k["table"]["old_communes"][0][3].append(None), id="null-in-a-list"),
        pytest.param(
            lambda k: k["table"]["commune_keys"]["thanh-hoa"].__setitem__("hoixuan", ["nowhere"]),
            id="a-name-of-no-commune",
        ),
        pytest.param(
            lambda k: k["table"]["old_communes"][0].__setitem__(2, "999"), id="no-such-district"
        ),
    ],
)
def test_a_cache_file_of_another_shape_is_dropped(tmp_path: Path, kept_once, edit) -> None:
    path = tmp_path / "adminunits.json"
    path.write_text(json.dumps(kept_once), "utf-8")
    assert adminunits.read_kept(path, built_key()) is not None  # untouched, it is read
    kept = copy.deepcopy(kept_once)
    edit(kept)
    path.write_text(json.dumps(kept), "utf-8")
    assert adminunits.read_kept(path, built_key()) is None
    assert not path.exists()


@pytest.mark.parametrize("text", ["[1e999999]", '{"key": NaN}', "[" * 100_000, ""])
def test_json_that_is_not_plain_values_is_dropped(tmp_path: Path, text: str) -> None:
    path = tmp_path / "adminunits.json"
    path.write_text(text, "utf-8")
    assert adminunits.read_kept(path, built_key()) is None
    assert not path.exists()


def test_the_key_follows_the_bytes_of_the_data_not_their_size_or_time(tmp_path: Path) -> None:
    for name in adminunits.DATA_FILES:
        shutil.copy2(adminunits.data_dir() / name, tmp_path / name)
    before = adminunits.cache_key(tmp_path)
    path = tmp_path / "converter_2025.json"
    stat = path.stat()
    data = bytearray(path.read_bytes())
    data[-2:-1] = b" " if data[-2:-1] != b" " else b"\n"  # same size
    path.write_bytes(bytes(data))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same time
    assert path.stat().st_size == stat.st_size
    assert adminunits.cache_key(tmp_path) != before
