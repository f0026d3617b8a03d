"""The spreadsheet reader stays within bounds whatever a file claims (issue 8.1).

Crafted files: a forged sheet dimension, a very wide row, many empty rows, too many rows,
a zip bomb; and the one CSV separator rule shared by the import and the command line.
"""

import io
import zipfile
from pathlib import Path

import pytest

from kinerja.scoring.spreadsheet import (
    SpreadsheetError,
    csv_delimiter,
    read_rows,
    read_table,
)
from kinerja.scoring.testing import MAIN, make_xlsx


def with_sheet(tmp_path: Path, sheet_data: str, *, head: str = "") -> bytes:
    """An XLSX file (as bytes) whose first sheet is `sheet_data` (rows as XML)."""
    path = make_xlsx(tmp_path / "buku.xlsx", [["x"]], inline_strings=True)
    with zipfile.ZipFile(path) as original:
        parts = {name: original.read(name) for name in original.namelist()}
    sheet = f'<worksheet xmlns="{MAIN}">{head}<sheetData>{sheet_data}</sheetData></worksheet>'
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def cell(reference: str, text: str) -> str:
    return f'<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>'


def test_forged_sheet_dimension_is_ignored_and_rows_are_not_padded(tmp_path: Path) -> None:
    content = with_sheet(
        tmp_path,
        f'<row r="1">{cell("A1", "NIP")}{cell("B1", "Nama")}</row>'
        f'<row r="2">{cell("A2", "1")}{cell("B2", "Ani")}</row>',
        head='<dimension ref="A1:XFD1048576"/>',
    )
    assert read_table(content, file_name="buku.xlsx") == [(1, ["NIP", "Nama"]), (2, ["1", "Ani"])]


def test_a_very_wide_row_is_cut_at_the_column_limit(tmp_path: Path) -> None:
    wide = "".join(f'<c t="inlineStr"><is><t>k{i}</t></is></c>' for i in range(20_000))
    far = cell("XFD1", "jauh")
    content = with_sheet(tmp_path, f'<row r="1">{wide}{far}</row>')
    [(number, cells)] = read_table(content, file_name="buku.xlsx", max_columns=30)
    assert number == 1
    assert cells == [f"k{i}" for i in range(30)]


def test_a_far_away_cell_alone_does_not_make_a_row_of_thousands_of_columns(
    tmp_path: Path,
) -> None:
    content = with_sheet(tmp_path, f'<row r="1">{cell("A1", "NIP")}{cell("XFD1", "x")}</row>')
    assert read_table(content, file_name="buku.xlsx", max_columns=30) == [(1, ["NIP"])]


def test_many_empty_rows_are_skipped_and_do_not_count_towards_the_limit(tmp_path: Path) -> None:
    empty = "".join(f'<row r="{n}"/>' for n in range(2, 200_002))
    content = with_sheet(
        tmp_path,
        f'<row r="1">{cell("A1", "NIP")}</row>{empty}<row r="200002">{cell("A200002", "1")}</row>',
    )
    rows = read_table(content, file_name="buku.xlsx", max_rows=5)
    assert rows == [(1, ["NIP"]), (200002, ["1"])]


def test_more_data_rows_than_the_limit_are_refused_with_a_clear_message(tmp_path: Path) -> None:
    rows = "".join(f'<row r="{n}">{cell(f"A{n}", str(n))}</row>' for n in range(1, 12))
    content = with_sheet(tmp_path, rows)
    with pytest.raises(SpreadsheetError, match=r"lebih dari 5 baris data; paling banyak 5"):
        read_table(content, file_name="buku.xlsx", max_rows=5)
    assert len(read_table(content, file_name="buku.xlsx", max_rows=10)) == 11


def test_a_csv_with_more_rows_than_the_limit_is_refused(tmp_path: Path) -> None:
    content = "\n".join(["NIP", *(str(n) for n in range(60_001))]).encode()
    with pytest.raises(SpreadsheetError, match=r"lebih dari 50\.000 baris data"):
        read_table(content, file_name="besar.csv")


def test_a_zip_bomb_sheet_is_refused_before_it_is_inflated(tmp_path: Path) -> None:
    padding = " " * 20_000_000  # 20 MB of spaces compress about a thousand times
    content = with_sheet(tmp_path, f'<row r="1">{cell("A1", "NIP")}</row>{padding}')
    assert len(content) < 200_000
    with pytest.raises(SpreadsheetError, match="terkompresi"):
        read_table(content, file_name="bom.xlsx")


def test_a_wide_csv_row_is_cut_at_the_column_limit() -> None:
    content = ("NIP" + ";x" * 100_000 + "\n1;2\n").encode()
    rows = read_table(content, file_name="lebar.csv", max_columns=3)
    assert rows == [(1, ["NIP", "x", "x"]), (2, ["1", "2"])]


@pytest.mark.parametrize(
    ("header", "separator"),
    [
        ("U1;Sistem, Mekanisme, dan Prosedur", ";"),
        ("NIP\tNama, Gelar", "\t"),
        ("NIP,Nama", ","),
        ("NIP", ","),
    ],
)
def test_one_separator_rule_for_every_csv(header: str, separator: str) -> None:
    assert csv_delimiter(header) == separator


def test_the_command_line_and_the_import_read_a_csv_alike(tmp_path: Path) -> None:
    path = tmp_path / "survei.csv"
    path.write_text("\ufeffU1;Sistem, Mekanisme, dan Prosedur\n3;4\n", encoding="utf-8")
    from_path = read_rows(path)
    from_bytes = [cells for _, cells in read_table(path.read_bytes(), file_name="x.csv")]
    assert from_path == from_bytes == [["U1", "Sistem, Mekanisme, dan Prosedur"], ["3", "4"]]


def test_a_windows_encoded_csv_is_read() -> None:
    content = "Nama;Kota\nAni;Surakarta é\n".encode("cp1252")
    assert read_table(content, file_name="lama.csv")[1] == (2, ["Ani", "Surakarta é"])
