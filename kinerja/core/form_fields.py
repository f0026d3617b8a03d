"""Form fields shared by every form: dates and numbers as Indonesians write them."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from kinerja.scoring.formatting import MONTH_NAMES

NUMERIC_FORMATS = ("%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d", "%d.%m.%Y")
_WORDS = re.compile(r"^\s*(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})\s*$")
_MONTHS = {name.lower(): number for number, name in enumerate(MONTH_NAMES, start=1)}
_MONTHS.update({name.lower()[:3]: number for number, name in enumerate(MONTH_NAMES, start=1)})
_GROUPED = re.compile(r"^[+-]?[1-9]\d{0,2}(\.\d{3})+$")
NUMBER_ACCEPTED = "angka seperti 1234, 1.234, 1.234,5 atau 1234.5"
ACCEPTED = "HH-BB-TTTT (01-12-2026), HH/BB/TTTT (01/12/2026), TTTT-BB-HH atau 1 Desember 2026"


def parse_date_id(text: str) -> date | None:
    """`01-12-2026`, `1/12/2026`, `2026-12-01` and `1 Desember 2026` all mean 1 December 2026."""
    text = text.strip()
    for pattern in NUMERIC_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    match = _WORDS.match(text)
    if match:
        day, month_word, year = match.groups()
        month = _MONTHS.get(month_word.lower())
        if month:
            try:
                return date(int(year), month, int(day))
            except ValueError:
                return None
    return None


class DateInputID(forms.DateInput):
    """A text box shown as `01-12-2026`: the order people type, on every keyboard."""

    input_type = "text"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        defaults = {"inputmode": "numeric", "placeholder": "HH-BB-TTTT", "autocomplete": "off"}
        super().__init__(attrs={**defaults, **(attrs or {})}, format="%d-%m-%Y")


class DateFieldID(forms.DateField):
    """The date field of every form: Indonesian order first, ISO too; errors name the value."""

    widget = DateInputID

    def __init__(self, *, help_text: str = "Contoh: 01-12-2026.", **kwargs: Any) -> None:
        super().__init__(help_text=help_text, **kwargs)

    def to_python(self, value: Any) -> date | None:
        if value in self.empty_values:
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        parsed = parse_date_id(str(value))
        if parsed is None:
            label = self.label or "Tanggal"
            raise ValidationError(
                "%(label)s: %(value)s bukan tanggal yang dikenal; tulis " + ACCEPTED + ".",
                code="invalid",
                params={"label": label, "value": value},
            )
        return parsed


def parse_decimal_id(text: str) -> Decimal | None:
    """A number as Indonesians write it, or None when it is not one.

    `1.234,5` (dot groups thousands, comma marks decimals), `1234,5`, `1.234` and `1.234.567`
    (grouped thousands) and, for what a spreadsheet or a keyboard gives, `1234.5` (a single
    dot not followed by exactly three digits). Every entrance (forms, imports, API strings)
    reads numbers here, so `1.234` means one thousand two hundred thirty-four everywhere.
    """
    compact = text.strip().replace(" ", "").replace("\u00a0", "")
    if "," in compact:
        compact = compact.replace(".", "").replace(",", ".")
    elif _GROUPED.match(compact):
        compact = compact.replace(".", "")
    try:
        value = Decimal(compact)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


class DecimalFieldID(forms.DecimalField):
    """The number field of every form: reads `parse_decimal_id`; the error names the value."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})
        )
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        """A stored number shown as Indonesians write it: `1234,5` (decimal comma, no
        trailing zeros, no thousands dot, so that what is shown reads back unchanged)."""
        if isinstance(value, Decimal) and value.is_finite():
            text = format(value.normalize(), "f")
            return text.replace(".", ",")
        return value

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal):
            return value
        parsed = parse_decimal_id(str(value))
        if parsed is None:
            raise ValidationError(
                "%(label)s: %(value)s bukan angka; tulis " + NUMBER_ACCEPTED + ".",
                code="invalid",
                params={"label": self.label or "Angka", "value": value},
            )
        return parsed
