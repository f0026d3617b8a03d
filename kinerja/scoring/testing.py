"""Builders for tests of the scoring core and of apps that read spreadsheets: `make_xlsx` writes
a minimal XLSX file with the standard library (the core imports nothing else)."""

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"


def column_letters(index: int) -> str:
    """Zero-based column index to letters: 0 → A, 27 → AB."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def make_xlsx(
    path: Path,
    rows: list[list[str | int | None]],
    *,
    inline_strings: bool = False,
    sheet_target: str = "worksheets/sheet1.xml",
) -> Path:
    """Write `rows` to the first sheet: text as shared (or inline) strings, ints as numbers."""
    shared: list[str] = []
    xml_rows = []
    for row_number, row in enumerate(rows, start=1):
        cells = []
        for column, value in enumerate(row):
            reference = f"{column_letters(column)}{row_number}"
            if value is None:
                continue
            if isinstance(value, int):
                cells.append(f'<c r="{reference}"><v>{value}</v></c>')
            elif inline_strings:
                cells.append(
                    f'<c r="{reference}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'
                )
            else:
                shared.append(value)
                cells.append(f'<c r="{reference}" t="s"><v>{len(shared) - 1}</v></c>')
        xml_rows.append(f'<row r="{row_number}">{"".join(cells)}</row>')
    sheet = f'<worksheet xmlns="{MAIN}"><sheetData>{"".join(xml_rows)}</sheetData></worksheet>'
    workbook = (
        f'<workbook xmlns="{MAIN}" xmlns:r="{RELS}"><sheets>'
        '<sheet name="Survei" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    relations = (
        f'<Relationships xmlns="{PACKAGE_RELS}">'
        f'<Relationship Id="rId1" Type="{RELS}/worksheet" Target="{sheet_target}"/>'
        "</Relationships>"
    )
    strings = "".join(f"<si><t>{escape(text)}</t></si>" for text in shared)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", workbook)
        archive.writestr("xl/_rels/workbook.xml.rels", relations)
        archive.writestr(f"xl/{sheet_target.removeprefix('/xl/')}", sheet)
        if shared:
            archive.writestr("xl/sharedStrings.xml", f'<sst xmlns="{MAIN}">{strings}</sst>')
    return path
