"""Spreadsheet formula injection (issue 8.10): every value a spreadsheet would read as a
formula is written as text, by the one helper every export uses."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from kinerja.core.exports import csv_bytes, spreadsheet_safe, xlsx_append


@pytest.mark.parametrize(
    "value",
    ["=1+1", "+62 271 123", "-2+3", "@SUM(A1)", "\t=cmd", "\r=cmd", '=HYPERLINK("http://x")'],
)
def test_text_that_would_start_a_formula_is_escaped(value: str) -> None:
    assert spreadsheet_safe(value) == f"'{value}"


@pytest.mark.parametrize("value", ["Ani Lestari", "III/a", "", "a=b", 5, -3, Decimal("-1.5"), None])
def test_plain_text_and_numbers_pass_unchanged(value: object) -> None:
    assert spreadsheet_safe(value) == value


def test_a_date_passes_unchanged() -> None:
    assert spreadsheet_safe(date(2026, 12, 1)) == date(2026, 12, 1)


def test_the_csv_writer_escapes_every_cell() -> None:
    text = csv_bytes([["Nama", "Catatan"], ["=cmd|' /C calc'!A0", "@x"]]).decode("utf-8-sig")
    assert text.splitlines() == ["Nama;Catatan", "'=cmd|' /C calc'!A0;'@x"]


def test_the_xlsx_writer_stores_a_formula_like_value_as_text() -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    xlsx_append(sheet, ["=1+1", 7])
    buffer = io.BytesIO()
    workbook.save(buffer)
    written = load_workbook(io.BytesIO(buffer.getvalue())).active
    assert written is not None
    cell, number = next(written.iter_rows())
    assert (cell.value, cell.data_type) == ("'=1+1", "s")
    assert number.value == 7
