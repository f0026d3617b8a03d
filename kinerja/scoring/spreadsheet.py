"""Reading a table from a CSV or XLSX file, with the standard library only, within bounds.

The one reader of uploaded tables: the employee import (people) and the scoring command line
(`python -m kinerja.scoring ikm`) both call `read_table` (or `read_rows`, its plain-text form),
so a file reads the same everywhere. The scoring core may not depend on openpyxl, and a
streaming reader is also what keeps a hostile file from exhausting the worker:

- an XLSX file is a zip of XML parts (ECMA-376); only the first worksheet is read, streamed
  with `iterparse`, one row in memory at a time. The declared sheet size (`<dimension>`) is
  ignored, so a forged one costs nothing; cells right of `max_columns` are dropped, so a very
  wide row costs nothing; empty rows are skipped; reading stops with a clear message after
  `max_rows` rows with data;
- a zip member is refused when its uncompressed size passes `MAX_PART_BYTES` or its
  compression ratio passes `MAX_COMPRESSION_RATIO` (zip bombs); zipfile itself stops at the
  declared size and refuses a member whose header lies;
- cells hold text (shared or inline strings), numbers or booleans; formulas give their cached
  value; dates come out as serial numbers (`NumberText`, so callers can tell a number from
  text typed in a cell); merged cells, hidden rows and styles are ignored.

CSV files are UTF-8 with or without a byte-order mark (older Excel: Windows-1252). The
separator, one rule for every caller: a semicolon in the header line means semicolons
(Indonesian Excel writes them, and headings such as "Sistem, Mekanisme, dan Prosedur" then
contain unquoted commas); else a tab means tabs; else commas.
"""

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import IO
from xml.etree import ElementTree

from kinerja.scoring.formatting import format_decimal

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CELL_REFERENCE = re.compile(r"([A-Z]+)(\d+)")
MAX_PART_BYTES = 50_000_000
"""Largest XML part read from an XLSX file (uncompressed), against zip bombs."""
MAX_COMPRESSION_RATIO = 200
"""Largest uncompressed/compressed ratio of an XLSX part; real sheets stay far below."""
MAX_ROWS = 50_000
"""Rows with data read by default; a longer file is refused with a message."""
MAX_COLUMNS = 200
"""Columns read by default; cells further right are dropped."""
SUFFIXES = (".csv", ".txt", ".xlsx")

Cell = str
Row = tuple[int, list[Cell]]
"""A row as (row number as the spreadsheet shows it, cells)."""


class NumberText(str):
    """The text of a numeric XLSX cell ("43832", "1.98609262015051E+17"): still a string,
    but callers can tell that Excel stored a number (a date serial, or a NIP that lost
    digits) rather than text."""

    __slots__ = ()


class SpreadsheetError(ValueError):
    """A file that cannot be read as a table; the message says which file and why."""


def read_rows(path: Path) -> list[list[str]]:
    """All rows with data of a CSV or XLSX file as lists of strings, header row first."""
    return [cells for _, cells in read_table(path, file_name=path.name)]


def read_table(
    source: Path | bytes,
    *,
    file_name: str,
    max_rows: int = MAX_ROWS,
    max_columns: int = MAX_COLUMNS,
) -> list[Row]:
    """Rows with data (a cell that is not blank) of a CSV or XLSX file, header first.

    `source` is a path or the file's bytes; `file_name` decides the format and names the file
    in messages. Raises `SpreadsheetError` for an unreadable file or one with more than
    `max_rows` rows with data after the header.
    """
    suffix = PurePosixPath(file_name).suffix.lower()
    if suffix == ".xlsx":
        rows = _xlsx_rows(source, file_name, max_columns)
    elif suffix in {".csv", ".txt"}:
        rows = _csv_rows(source, max_columns)
    else:
        raise SpreadsheetError(f"Berkas {file_name} tidak didukung; gunakan .csv atau .xlsx")
    table: list[Row] = []
    limit = format_decimal(max_rows, 0)
    for number, cells in rows:
        if not any(cell.strip() for cell in cells):
            continue
        if len(table) > max_rows:
            raise SpreadsheetError(
                f"Berkas {file_name} berisi lebih dari {limit} baris data; paling banyak "
                f"{limit} baris per berkas. Bagi menjadi beberapa berkas."
            )
        table.append((number, cells))
    return table


def csv_delimiter(header_line: str) -> str:
    """The separator of a CSV file from its header line (see the module docstring)."""
    return next((mark for mark in ";\t" if mark in header_line), ",")


def _csv_rows(source: Path | bytes, max_columns: int) -> Iterator[Row]:
    content = source.read_bytes() if isinstance(source, Path) else source
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Older Excel versions save "CSV" in the Windows code page.
        text = content.decode("cp1252", errors="replace")
    delimiter = csv_delimiter(text.split("\n", 1)[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    for row in reader:
        yield reader.line_num, row[:max_columns]


def _xlsx_rows(source: Path | bytes, file_name: str, max_columns: int) -> Iterator[Row]:
    opened = source if isinstance(source, Path) else io.BytesIO(source)
    try:
        with zipfile.ZipFile(opened) as archive:
            shared = _shared_strings(archive)
            with _open_part(archive, _first_sheet_path(archive)) as sheet:
                yield from _sheet_rows(sheet, shared, max_columns)
    except (
        zipfile.BadZipFile,
        KeyError,
        IndexError,
        ValueError,
        ElementTree.ParseError,
        EOFError,
    ) as error:
        raise SpreadsheetError(
            f"Berkas {file_name} bukan XLSX yang dapat dibaca: {error}"
        ) from None


def _open_part(archive: zipfile.ZipFile, name: str) -> IO[bytes]:
    """Open one part, refusing parts too large or too compressed to be a real sheet."""
    info = archive.getinfo(name)
    if info.file_size > MAX_PART_BYTES:
        raise KeyError(f"{name} lebih besar dari {MAX_PART_BYTES} byte")
    if info.file_size > 1_000_000 and info.file_size > MAX_COMPRESSION_RATIO * max(
        info.compress_size, 1
    ):
        raise KeyError(
            f"{name} terkompresi {info.file_size // max(info.compress_size, 1)} kali; paling "
            f"banyak {MAX_COMPRESSION_RATIO} kali"
        )
    # zipfile never inflates a member past the size its header declares (checked above), and
    # its CRC check refuses a member whose header lies.
    return archive.open(info)


def _elements(part: IO[bytes], tag: str) -> Iterator[ElementTree.Element]:
    """Each complete `tag` element of a streamed XML part, cleared once the caller is done.

    The standard library parser is used on purpose (no defusedxml in the scoring core):
    expat >= 2.4.1, bundled with Python 3.11, refuses entity-expansion bombs and ElementTree
    never fetches external entities; `_open_part` bounds the size.
    """
    qualified = f"{{{MAIN_NS}}}{tag}"
    for _, element in ElementTree.iterparse(part, events=("end",)):  # noqa: S314
        if element.tag == qualified:
            yield element
            element.clear()


def _xml_part(archive: zipfile.ZipFile, name: str) -> ElementTree.Element:
    """Parse one small XML part (workbook, relationships) whole."""
    with _open_part(archive, name) as part:
        return ElementTree.parse(part).getroot()  # noqa: S314


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
    with _open_part(archive, "xl/sharedStrings.xml") as part:
        return [_text_of(item) for item in _elements(part, "si")]


def _sheet_rows(sheet: IO[bytes], shared: list[str], max_columns: int) -> Iterator[Row]:
    previous = 0
    for row in _elements(sheet, "row"):
        number = int(row.get("r") or previous + 1)
        previous = number
        values: dict[int, str] = {}
        position = 0
        for cell in row.iter(f"{{{MAIN_NS}}}c"):
            column = _column_index(cell.get("r", ""), position)
            position = column + 1
            if column < max_columns:
                values[column] = _cell_text(cell, shared)
        if values:
            yield number, [values.get(index, "") for index in range(max(values) + 1)]


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
    if kind == "n" and value:
        return NumberText(value)
    return value
