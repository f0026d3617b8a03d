"""The rules of competency development (rules.py): the JP bounds and the text checks every
entrance asks, and the predikat that call for coaching."""

from __future__ import annotations

from decimal import Decimal

from kinerja.learning.rules import COACHING_PREDIKAT, JP_MAX, jp_errors, text_errors


def test_jp_between_half_an_hour_and_the_maximum_is_accepted() -> None:
    assert jp_errors("jp", "JP", Decimal("0.5")) == {}
    assert jp_errors("jp", "JP", JP_MAX) == {}
    assert jp_errors("jp", "JP", Decimal("12.5")) == {}


def test_jp_outside_the_bounds_is_refused_naming_value_and_range() -> None:
    assert jp_errors("jp", "JP", Decimal("0.4")) == {
        "jp": ["JP 0,4 tidak diterima: isi 0,5 sampai 200 JP."]
    }
    assert jp_errors("jp", "JP", Decimal(201))["jp"] == [
        "JP 201 tidak diterima: isi 0,5 sampai 200 JP."
    ]
    assert jp_errors("jp", "JP", None)["jp"] == ["JP wajib diisi: angka 0,5 sampai 200 JP."]
    assert "tidak diterima" in jp_errors("jp", "JP", Decimal("NaN"))["jp"][0]
    assert "satu angka" in jp_errors("jp", "JP", Decimal("1.25"))["jp"][0]


def test_a_minimum_of_zero_accepts_zero() -> None:
    assert jp_errors("jp", "JP", Decimal(0), minimum=Decimal(0)) == {}
    assert jp_errors("jp", "JP", Decimal(-1), minimum=Decimal(0))["jp"] == [
        "JP -1 tidak diterima: isi 0 sampai 200 JP."
    ]


def test_text_required_and_bounded() -> None:
    assert text_errors("title", "Nama", " ", max_length=5) == {"title": ["Nama wajib diisi."]}
    assert text_errors("title", "Nama", "", max_length=5, required=False) == {}
    assert text_errors("title", "Nama", "abcdef", max_length=5) == {
        "title": ["Nama sepanjang 6 karakter tidak diterima: paling banyak 5 karakter."]
    }


def test_coaching_is_due_from_butuh_perbaikan_down() -> None:
    assert {"BUTUH_PERBAIKAN", "KURANG", "SANGAT_KURANG"} == COACHING_PREDIKAT
