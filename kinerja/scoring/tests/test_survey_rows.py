"""Mapping survey table columns to elements by name or code, never by position."""

import pytest

from kinerja.scoring.ikm import Element
from kinerja.scoring.survey_rows import (
    SurveyTableError,
    element_columns,
    element_for_heading,
    responses_from_rows,
)

CODES = [element.value for element in Element]


@pytest.mark.parametrize(
    ("heading", "element"),
    [
        ("U1", Element.U1),
        ("u1", Element.U1),
        (" U 1. ", Element.U1),
        ("Persyaratan", Element.U1),
        ("PERSYARATAN", Element.U1),
        ("Sistem, Mekanisme, dan Prosedur", Element.U2),
        ("sistem mekanisme dan prosedur", Element.U2),
        ("U2 Sistem, Mekanisme, dan Prosedur", Element.U2),
        ("Biaya/Tarif", Element.U4),
        ("Penanganan Pengaduan, Saran dan Masukan", Element.U8),
        ("Sarana dan Prasarana", Element.U9),
        ("Responden", None),
        ("Jenis Kelamin", None),
        ("U10", None),
    ],
)
def test_a_column_is_found_by_code_or_name_ignoring_case_and_spaces(
    heading: str, element: Element | None
) -> None:
    assert element_for_heading(heading) is element


def test_columns_are_mapped_by_name_even_when_u9_comes_before_u8() -> None:
    header = ["Responden", *CODES[:7], "Sarana dan Prasarana", "U8"]
    rows = [header, ["R1", "1", "2", "3", "4", "1", "2", "3", "4", "1"]]
    (response,) = responses_from_rows(rows)
    assert response[Element.U9] == 4
    assert response[Element.U8] == 1


def test_missing_and_repeated_element_columns_are_all_reported() -> None:
    with pytest.raises(SurveyTableError) as raised:
        element_columns(["U1", "Persyaratan", *CODES[1:3]])
    assert raised.value.problems == (
        "Kolom U1 (Persyaratan) muncul dua kali: kolom 1 dan kolom 2; hapus salah satu",
        "Kolom unsur tidak ditemukan: U4 (Biaya/Tarif), U5 (Produk Spesifikasi Jenis "
        "Pelayanan), U6 (Kompetensi Pelaksana), U7 (Perilaku Pelaksana), U8 (Penanganan "
        "Pengaduan, Saran dan Masukan), U9 (Sarana dan Prasarana); beri judul kolom kode "
        "(U1-U9) atau nama unsur",
    )


def test_every_bad_cell_is_reported_with_its_row_number() -> None:
    rows = [CODES, ["5", *["3"] * 8], ["3", "x", *["3"] * 6, "sNaN"], ["3"] * 9]
    with pytest.raises(SurveyTableError) as raised:
        responses_from_rows(rows)
    assert raised.value.problems == (
        "Baris 2, kolom U1 (Persyaratan): '5' bukan jawaban; isi 1, 2, 3, 4 atau kosongkan",
        "Baris 3, kolom U2 (Sistem, Mekanisme, dan Prosedur): 'x' bukan jawaban; "
        "isi 1, 2, 3, 4 atau kosongkan",
        "Baris 3, kolom U9 (Sarana dan Prasarana): 'sNaN' bukan jawaban; "
        "isi 1, 2, 3, 4 atau kosongkan",
    )


def test_blank_short_and_decimal_looking_cells_are_read() -> None:
    rows = [CODES, ["3.0", "4,0", " 2 ", ""]]
    (response,) = responses_from_rows(rows)
    assert [response[e] for e in Element] == [3, 4, 2, None, None, None, None, None, None]


def test_an_empty_table_is_reported() -> None:
    with pytest.raises(SurveyTableError, match="Tabel survei kosong"):
        responses_from_rows([])
