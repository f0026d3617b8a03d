"""Turning a table of survey answers (header + rows) into responses keyed by element.

Columns are matched by element code or name, ignoring case, spaces and punctuation ("U1",
"u1", "Persyaratan", "Sistem, Mekanisme, dan Prosedur", "U2 Sistem Mekanisme dan Prosedur"),
never by position: the common paper form asks U9 (Sarana) before U8 (Pengaduan)
(PermenPANRB 14/2017 questionnaire, REGULATIONS.md §3 [V2]). Other columns ("Responden",
"Jenis Kelamin" …) are ignored. Every bad cell is reported with its row number; a table with
any bad cell gives no responses at all.
"""

from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

from kinerja.scoring.ikm import Element


class SurveyTableError(ValueError):
    """A survey table that cannot be used; the message lists every problem found."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = tuple(problems)


def heading_key(heading: str) -> str:
    """A column heading reduced to letters and digits, case-folded: "U 1." → "u1"."""
    return "".join(char for char in heading.casefold() if char.isalnum())


HEADINGS: dict[str, Element] = {
    key: element
    for element in Element
    for key in (
        heading_key(element.value),
        heading_key(element.label),
        heading_key(element.value + element.label),
    )
}
"""Every accepted heading (as `heading_key`) and the element it names."""


def element_for_heading(heading: str) -> Element | None:
    """The element a column heading names, None for any other column."""
    return HEADINGS.get(heading_key(heading))


def element_columns(header: Sequence[str]) -> dict[Element, int]:
    """Column position of each element; SurveyTableError when one is missing or repeated."""
    columns: dict[Element, int] = {}
    problems: list[str] = []
    for position, heading in enumerate(header):
        element = element_for_heading(heading)
        if element is None:
            continue
        if element in columns:
            problems.append(
                f"Kolom {element} ({element.label}) muncul dua kali: kolom {columns[element] + 1} "
                f"dan kolom {position + 1}; hapus salah satu"
            )
        columns.setdefault(element, position)
    missing = [element for element in Element if element not in columns]
    if missing:
        names = ", ".join(f"{element} ({element.label})" for element in missing)
        problems.append(
            f"Kolom unsur tidak ditemukan: {names}; beri judul kolom kode (U1-U9) atau nama unsur"
        )
    if problems:
        raise SurveyTableError(problems)
    return columns


def responses_from_rows(rows: Sequence[Sequence[str]]) -> list[dict[Element, int | None]]:
    """Responses from a table whose first row is the header (row numbers count from 1)."""
    if not rows:
        raise SurveyTableError(["Tabel survei kosong; baris pertama harus judul kolom"])
    columns = element_columns(rows[0])
    responses: list[dict[Element, int | None]] = []
    problems: list[str] = []
    for number, row in enumerate(rows[1:], start=2):
        response: dict[Element, int | None] = {}
        for element, position in columns.items():
            text = row[position].strip() if position < len(row) else ""
            try:
                response[element] = _answer(text)
            except ValueError:
                problems.append(
                    f"Baris {number}, kolom {element} ({element.label}): {text!r} bukan "
                    "jawaban; isi 1, 2, 3, 4 atau kosongkan"
                )
        responses.append(response)
    if problems:
        raise SurveyTableError(problems)
    return responses


def _answer(text: str) -> int | None:
    """A cell's answer: blank is None; "3" and "3.0" are 3; anything else is an error."""
    if not text:
        return None
    try:
        number = Decimal(text.replace(",", "."))
    except InvalidOperation:
        raise ValueError(text) from None
    if not number.is_finite() or number not in (1, 2, 3, 4):
        raise ValueError(text)
    return int(number)
