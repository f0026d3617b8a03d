"""Reading CSV and XLSX survey tables with the standard library."""

import zipfile
from pathlib import Path

import pytest

from kinerja.scoring import spreadsheet
from kinerja.scoring.spreadsheet import SpreadsheetError, read_rows
from kinerja.scoring.testing import MAIN, column_letters, make_xlsx


def test_a_comma_separated_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "survei.csv"
    path.write_text('Responden,"Biaya/Tarif"\nR1,4\n\nR2,\n', encoding="utf-8")
    assert read_rows(path) == [["Responden", "Biaya/Tarif"], ["R1", "4"], ["R2", ""]]


def test_a_semicolon_separated_file_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "survei.CSV"
    path.write_text("\ufeffU1;Sistem, Mekanisme, dan Prosedur\n3;4\n", encoding="utf-8")
    assert read_rows(path) == [["U1", "Sistem, Mekanisme, dan Prosedur"], ["3", "4"]]


def test_an_xlsx_file_with_shared_strings_and_numbers_is_read(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "survei.xlsx", [["Responden", "U1", "U2"], ["R1", 4, None, 3]])
    assert read_rows(path) == [["Responden", "U1", "U2"], ["R1", "4", "", "3"]]


def test_an_xlsx_file_with_inline_strings_and_an_absolute_sheet_path_is_read(
    tmp_path: Path,
) -> None:
    path = make_xlsx(
        tmp_path / "survei.xlsx",
        [["U1", "U2"], [], [2, 1]],
        inline_strings=True,
        sheet_target="/xl/worksheets/data.xml",
    )
    assert read_rows(path) == [["U1", "U2"], ["2", "1"]]


def test_rich_text_runs_and_cells_without_reference_are_read(tmp_path: Path) -> None:
    path = tmp_path / "survei.xlsx"
    make_xlsx(path, [["x"]])
    sheet = (
        f'<worksheet xmlns="{MAIN}"><sheetData><row>'
        '<c t="s"><v>0</v></c><c t="inlineStr"/><c t="b"><v>1</v></c>'
        '<c r="E1" t="str"><v>=cached</v></c>'
        "</row></sheetData></worksheet>"
    )
    strings = f'<sst xmlns="{MAIN}"><si><r><t>Sarana </t></r><r><t>dan Prasarana</t></r></si></sst>'
    with zipfile.ZipFile(path) as original:
        parts = {name: original.read(name) for name in original.namelist()}
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    parts["xl/sharedStrings.xml"] = strings.encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    assert read_rows(path) == [["Sarana dan Prasarana", "", "1", "", "=cached"]]


def test_column_letters_go_beyond_z() -> None:
    assert [column_letters(i) for i in (0, 25, 26, 27, 701, 702)] == [
        "A",
        "Z",
        "AA",
        "AB",
        "ZZ",
        "AAA",
    ]
    assert spreadsheet._column_index("AB7", 0) == 27


def test_a_file_that_is_not_xlsx_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "survei.xlsx"
    path.write_text("bukan zip", encoding="utf-8")
    with pytest.raises(SpreadsheetError, match=r"Berkas survei\.xlsx bukan XLSX yang dapat dibaca"):
        read_rows(path)


def test_an_xlsx_file_whose_sheet_relationship_is_missing_is_reported(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "survei.xlsx", [["U1"]])
    with zipfile.ZipFile(path) as original:
        parts = {name: original.read(name) for name in original.namelist()}
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b'Id="rId1"', b'Id="rId9"'
    )
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    with pytest.raises(SpreadsheetError, match="relationship rId1"):
        read_rows(path)


def test_an_oversized_xml_part_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = make_xlsx(tmp_path / "survei.xlsx", [["U1"]])
    monkeypatch.setattr(spreadsheet, "MAX_PART_BYTES", 10)
    with pytest.raises(SpreadsheetError, match="lebih besar dari 10 byte"):
        read_rows(path)


def test_other_file_types_are_refused(tmp_path: Path) -> None:
    with pytest.raises(SpreadsheetError, match=r"Berkas survei.ods tidak didukung"):
        read_rows(tmp_path / "survei.ods")


def test_a_tab_separated_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "survei.txt"
    path.write_text("U1\tU2\n3\t4\n", encoding="utf-8")
    assert read_rows(path) == [["U1", "U2"], ["3", "4"]]
