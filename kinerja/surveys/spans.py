"""The stretch of time a survey figure covers: a month, a quarter or a year.

Pages and the API name a span with one query parameter — `?bulan=2026-10`, `?triwulan=2026-4`,
`?tahun=2026` — or with `from`/`to` dates (the API); everything else is a clear refusal that
names the parameter and what is accepted.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError

from kinerja.scoring.formatting import format_date_id, month_name

QUARTER_NUMERALS = ("I", "II", "III", "IV")
"""Quarters are written in Roman numerals, as the evaluation windows are ("Triwulan III")."""


@dataclass(frozen=True)
class Span:
    kind: str  # "month", "quarter", "year" or "range"
    start: date
    end: date

    @property
    def label(self) -> str:
        if self.kind == "month":
            return f"{month_name(self.start.month)} {self.start.year}"
        if self.kind == "quarter":
            return f"Triwulan {QUARTER_NUMERALS[(self.start.month - 1) // 3]} {self.start.year}"
        if self.kind == "year":
            return f"Tahun {self.start.year}"
        return f"{format_date_id(self.start)} s.d. {format_date_id(self.end)}"

    @property
    def param(self) -> dict[str, str]:
        """The query parameter that names this span (for links)."""
        if self.kind == "month":
            return {"bulan": f"{self.start.year}-{self.start.month:02d}"}
        if self.kind == "quarter":
            return {"triwulan": f"{self.start.year}-{(self.start.month - 1) // 3 + 1}"}
        if self.kind == "year":
            return {"tahun": str(self.start.year)}
        return {"from": self.start.isoformat(), "to": self.end.isoformat()}


def month_span(year: int, month: int) -> Span:
    last_day = calendar.monthrange(year, month)[1]
    return Span("month", date(year, month, 1), date(year, month, last_day))


def quarter_span(year: int, quarter: int) -> Span:
    first = 3 * (quarter - 1) + 1
    last = first + 2
    last_day = calendar.monthrange(year, last)[1]
    return Span("quarter", date(year, first, 1), date(year, last, last_day))


def year_span(year: int) -> Span:
    return Span("year", date(year, 1, 1), date(year, 12, 31))


YEAR_MIN = 2000
YEAR_MAX = 2100


def _year(text: str, field: str, example: str) -> int:
    if not text.isdigit() or not YEAR_MIN <= int(text) <= YEAR_MAX:
        raise ValidationError(
            {field: [f"'{text}' bukan periode yang dikenal; tulis seperti {example}."]}
        )
    return int(text)


def span_from_params(params: Mapping[str, str], *, default: Span) -> Span:
    """The span a request names (`bulan`, `triwulan`, `tahun`, or `from` and `to`), or
    `default`; ValidationError naming the parameter for anything else."""
    if value := params.get("bulan", "").strip():
        year, _, month = value.partition("-")
        if not month.isdigit() or not 1 <= int(month) <= 12:
            raise ValidationError(
                {"bulan": [f"'{value}' bukan bulan yang dikenal; tulis seperti 2026-10."]}
            )
        return month_span(_year(year, "bulan", "2026-10"), int(month))
    if value := params.get("triwulan", "").strip():
        year, _, quarter = value.partition("-")
        if quarter not in {"1", "2", "3", "4"}:
            raise ValidationError(
                {"triwulan": [f"'{value}' bukan triwulan yang dikenal; tulis seperti 2026-4."]}
            )
        return quarter_span(_year(year, "triwulan", "2026-4"), int(quarter))
    if value := params.get("tahun", "").strip():
        return year_span(_year(value, "tahun", "2026"))
    if "from" in params or "to" in params:
        start = _date(params.get("from", ""), "from")
        end = _date(params.get("to", ""), "to")
        if end < start:
            raise ValidationError({"to": ["Tanggal 'to' tidak boleh sebelum tanggal 'from'."]})
        return Span("range", start, end)
    return default


def _date(text: str, field: str) -> date:
    try:
        value = date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(
            {field: [f"'{text}' bukan tanggal; tulis dengan format TTTT-BB-HH, mis. 2026-10-31."]}
        ) from None
    if not YEAR_MIN <= value.year <= YEAR_MAX:
        raise ValidationError({field: [f"Tahun pada '{text}' harus antara 2000 dan 2100."]})
    return value


def last_months(end: date, count: int = 12) -> list[Span]:
    """The `count` calendar months ending with the month of `end`, oldest first."""
    spans = []
    year, month = end.year, end.month
    for _ in range(count):
        spans.append(month_span(year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return spans[::-1]
