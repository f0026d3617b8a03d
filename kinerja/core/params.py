"""Bounded parsing of integers that arrive from outside: path segments, query strings, forms,
API bodies. The one place that says which integers the database can hold.

An id larger than the database's integer type made PostgreSQL (and SQLite) refuse the query
with a server error; a negative or zero id can never name a row. Every entrance parses ids
through this module, so such values become a 404 (path) or a field error (query, form, API).

- `IdConverter`, registered as `<id:name>` by `CoreConfig.ready()`: use it instead of `<int:…>`.
- `id_param(...)`: a query-string id for views that read `request.GET` themselves.
- `IdFormField`: a form field for an id (hidden filters such as `unit`).
- `IdSerializerField`: the same for DRF input serializers.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from rest_framework import serializers

from kinerja.core.form_fields import NUMBER_ACCEPTED, parse_decimal_id

# PostgreSQL bigint and SQLite INTEGER: the range of every primary key (BigAutoField).
DB_ID_MAX = 2**63 - 1
# PostgreSQL integer: the range of IntegerField and PositiveIntegerField columns.
DB_INT_MAX = 2**31 - 1


def id_error_message(label: str, value: object, *, maximum: int = DB_ID_MAX) -> str:
    shown = str(value)
    if len(shown) > 40:
        shown = f"{shown[:40]}…"
    return f"{label} “{shown}” tidak sah; isi bilangan bulat dari 1 sampai {maximum:,}.".replace(
        ",", "."
    )


def int_param(
    raw: object,
    *,
    label: str,
    minimum: int = 1,
    maximum: int = DB_ID_MAX,
) -> int | None:
    """Parse an optional integer; empty gives None, anything out of range a ValidationError
    that names the field, the value and the accepted range."""
    if raw is None or (isinstance(raw, str) and raw.strip() == ""):
        return None
    text = str(raw).strip()
    if len(text) > 20 or not text.lstrip("-").isdigit():
        raise ValidationError(id_error_message(label, raw, maximum=maximum), code="invalid")
    value = int(text)
    if not minimum <= value <= maximum:
        raise ValidationError(id_error_message(label, raw, maximum=maximum), code="out_of_range")
    return value


def id_param(raw: object, *, label: str) -> int | None:
    """An optional id from a query string (1 … bigint)."""
    return int_param(raw, label=label)


class IdConverter:
    """Path converter for ids: `<id:employee_id>` matches 1 … 2**63-1, anything else is 404."""

    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if not 1 <= number <= DB_ID_MAX:
            raise ValueError(value)  # Django treats this as "no match": 404
        return number

    def to_url(self, value: Any) -> str:
        return str(int(value))


class IdFormField(forms.IntegerField):
    """An id in a form or filter: 1 … bigint, with the field's label in the message."""

    def __init__(self, *, label: str = "ID", **kwargs: Any) -> None:
        message = f"{label}: isi bilangan bulat dari 1 sampai {DB_ID_MAX:,}.".replace(",", ".")
        kwargs.setdefault(
            "error_messages",
            {"invalid": message, "min_value": message, "max_value": message},
        )
        super().__init__(label=label, min_value=1, max_value=DB_ID_MAX, **kwargs)


class IdSerializerField(serializers.IntegerField):
    """An id in an API body or query: 1 … bigint; DRF answers 400 naming the field."""

    default_error_messages = {
        "invalid": "Isi bilangan bulat (ID).",
        "max_value": f"ID paling besar {DB_ID_MAX}.",
        "min_value": "ID paling kecil 1.",
        "max_string_length": "Nilai terlalu panjang untuk sebuah ID.",
    }

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(min_value=1, max_value=DB_ID_MAX, **kwargs)


class DecimalSerializerField(serializers.DecimalField):
    """A number in an API body: a JSON number, or a string read by `parse_decimal_id` as every
    other entrance reads it (`1.234,5`, `1234.5`); the refusal names the value and what is
    accepted, in Indonesian. Digits and decimal places are bounded as DRF's field does."""

    default_error_messages = {
        "invalid": f"Isi {NUMBER_ACCEPTED}.",
        "max_value": "Angka paling besar {max_value}.",
        "min_value": "Angka paling kecil {min_value}.",
        "max_digits": "Angka paling banyak {max_digits} digit.",
        "max_decimal_places": "Paling banyak {max_decimal_places} angka di belakang koma.",
        "max_whole_digits": "Paling banyak {max_whole_digits} digit sebelum koma.",
        "max_string_length": "Angka terlalu panjang.",
    }

    def to_internal_value(self, data: Any) -> Decimal:
        if isinstance(data, bool) or not isinstance(data, str | int | float | Decimal):
            raise serializers.ValidationError(f"Isi {NUMBER_ACCEPTED}.", code="invalid")
        if isinstance(data, str):
            text = data.strip()
            if len(text) > self.MAX_STRING_LENGTH:
                self.fail("max_string_length")
            parsed = parse_decimal_id(text)
            if parsed is None:
                raise serializers.ValidationError(
                    f"{text[:40]!r} bukan angka; isi {NUMBER_ACCEPTED}.", code="invalid"
                )
            data = parsed
        value: Decimal = super().to_internal_value(data)
        return value


class ModelCharField(serializers.CharField):
    """A text input limited to the model field's length (PostgreSQL would refuse more with a
    server error); the message names the field, the length found and the length accepted.

    `ModelCharField(Employee, "name")`; extra keyword arguments go to DRF's CharField.
    """

    def __init__(self, model: type[Any], field_name: str, **kwargs: Any) -> None:
        self.model_field = model._meta.get_field(field_name)
        self.model_label = str(getattr(self.model_field, "verbose_name", field_name))
        max_length = self.model_field.max_length
        if kwargs.get("max_length") is not None:
            max_length = min(max_length, kwargs.pop("max_length"))
        super().__init__(max_length=max_length, **kwargs)

    def to_internal_value(self, data: Any) -> str:
        value = super().to_internal_value(data)
        if self.max_length is not None and len(value) > self.max_length:
            raise serializers.ValidationError(
                f"{self.model_label.capitalize()} paling banyak {self.max_length} karakter; "
                f"terisi {len(value)}.",
                code="max_length",
            )
        return str(value)
