"""Administrative units from the maintained package, and old names resolved to today's units."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.adminunits import Resolution, load_units, resolve


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


def test_tables_kept_in_the_cache_give_the_same_units(tmp_path: Path, units) -> None:
    from generator import adminunits

    adminunits._LOADED.clear()
    built = load_units(tmp_path)
    assert list(tmp_path.glob("adminunits-*.pickle"))
    adminunits._LOADED.clear()
    again = load_units(tmp_path)
    assert again.provinces == built.provinces and again.old_communes == built.old_communes
    (next(tmp_path.glob("adminunits-*.pickle"))).write_bytes(b"damaged")
    adminunits._LOADED.clear()
    assert load_units(tmp_path).provinces == built.provinces
