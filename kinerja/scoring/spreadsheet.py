"""Reading a table of survey answers from a CSV or XLSX file, with the standard library only.

The scoring core may not depend on openpyxl, so its command line reads XLSX itself: an XLSX
file is a zip of XML parts (ECMA-376). Limits, by design: only the first worksheet is read;
cells hold text (shared or inline strings), numbers or booleans; formulas give their cached
value; dates come out as serial numbers; merged cells, hidden rows and styles are ignored.
The Django import (people, surveys) uses openpyxl and is not bound by these limits.

CSV files are UTF-8, with or without a byte-order mark, separated by semicolons (Indonesian
Excel), tabs or commas (see `read_csv_rows`).
"""

import csv
import re
import zipfile
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CELL_REFERENCE = re.compile(r"([A-Z]+)(\d+)")
MAX_PART_BYTES = 50_000_000
"""Largest XML part read from an XLSX file (uncompressed), against zip bombs."""


class SpreadsheetError(ValueError):
    """A file that cannot be read as a table; the message says which file and why."""


def read_rows(path: Path) -> list[list[str]]:
    """All rows of a CSV or XLSX file as lists of strings, header row first."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return read_xlsx_rows(path)
    if suffix in {".csv", ".txt"}:
        return read_csv_rows(path)
    raise SpreadsheetError(f"Berkas {path.name} tidak didukung; gunakan .csv atau .xlsx")


def read_csv_rows(path: Path) -> list[list[str]]:
    """Rows of a CSV file; the separator is detected from the header line.

    A semicolon in the header means semicolons (Indonesian Excel writes them, and headings
    such as "Sistem, Mekanisme, dan Prosedur" then contain unquoted commas); else a tab means
    tabs; else commas.
    """
    text = path.read_text(encoding="utf-8-sig")
    header = text.split("\n", 1)[0]
    delimiter = next((mark for mark in ";\t" if mark in header), ",")
    return [row for row in csv.reader(text.splitlines(), delimiter=delimiter) if any(row)]


def read_xlsx_rows(path: Path) -> list[list[str]]:
    """Rows of the first worksheet of an XLSX file (see the module docstring for limits)."""
    try:
        with zipfile.ZipFile(path) as archive:
            shared = _shared_strings(archive)
            sheet = _xml_part(archive, _first_sheet_path(archive))
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError) as error:
        raise SpreadsheetError(
            f"Berkas {path.name} bukan XLSX yang dapat dibaca: {error}"
        ) from None
    rows: list[list[str]] = []
    for row in sheet.iter(f"{{{MAIN_NS}}}row"):
        values: dict[int, str] = {}
        for cell in row.iter(f"{{{MAIN_NS}}}c"):
            column = _column_index(cell.get("r", ""), len(values))
            values[column] = _cell_text(cell, shared)
        cells = [values.get(index, "") for index in range(max(values, default=-1) + 1)]
        if any(cells):
            rows.append(cells)
    return rows


def _xml_part(archive: zipfile.ZipFile, name: str) -> ElementTree.Element:
    """Parse one XML part of the archive, refusing parts larger than `MAX_PART_BYTES`."""
    if archive.getinfo(name).file_size > MAX_PART_BYTES:
        raise KeyError(f"{name} lebih besar dari {MAX_PART_BYTES} byte")
    # The standard library parser is used on purpose (no defusedxml in the scoring core):
    # expat >= 2.4.1, bundled with Python 3.11, refuses entity-expansion bombs and ElementTree
    # never fetches external entities; the size check above limits zip bombs.
    return ElementTree.fromstring(archive.read(name))  # noqa: S314


def _first_sheet_path(archive: zipfile.ZipFile) -> str:
    workbook = _xml_part(archive, "xl/workbook.xml")
    sheet = next(workbook.iter(f"{{{MAIN_NS}}}sheet"))
    relation_id = sheet.get(f"{{{REL_NS}}}id")
    relations = _xml_part(archive, "xl/_rels/workbook.xml.rels")
    for relation in relations.iter(f"{{{PACKAGE_REL_NS}}}Relationship"):
        if relation.get("Id") == relation_id:
            target = relation.get("Target", "")
            if target.startswith("/"):
                return target.lstrip("/")
            return str(PurePosixPath("xl") / target)
    raise KeyError(f"relationship {relation_id}")


def _shared_strings(archive: zipfile.ZipFile) -> list[str]:
    if "xl/sharedStrings.xml" not in archive.namelist():
        return []
    table = _xml_part(archive, "xl/sharedStrings.xml")
    return [_text_of(item) for item in table.iter(f"{{{MAIN_NS}}}si")]


def _text_of(element: ElementTree.Element) -> str:
    """The text of a string item, joining rich-text runs."""
    return "".join(node.text or "" for node in element.iter(f"{{{MAIN_NS}}}t"))


def _column_index(reference: str, position: int) -> int:
    """Zero-based column of a cell reference like "C7"; cells without one follow in order."""
    match = CELL_REFERENCE.fullmatch(reference)
    if match is None:
        return position
    index = 0
    for letter in match.group(1):
        index = index * 26 + ord(letter) - ord("A") + 1
    return index - 1


def _cell_text(cell: ElementTree.Element, shared: list[str]) -> str:
    kind = cell.get("t", "n")
    if kind == "inlineStr":
        inline = cell.find(f"{{{MAIN_NS}}}is")
        return "" if inline is None else _text_of(inline)
    value = cell.findtext(f"{{{MAIN_NS}}}v", default="")
    if kind == "s" and value:
        return shared[int(value)]
    return value
