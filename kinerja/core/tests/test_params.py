"""Integers from outside are parsed with a bound, in one place (kinerja.core.params)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from kinerja.core.params import (
    DB_ID_MAX,
    DecimalSerializerField,
    IdConverter,
    IdFormField,
    IdSerializerField,
    ModelCharField,
    id_param,
)
from kinerja.people.models import Employee
from kinerja.people.testing import Personas


def test_an_empty_query_id_means_no_filter() -> None:
    assert id_param("", label="Unit") is None
    assert id_param(None, label="Unit") is None
    assert id_param(" 42 ", label="Unit") == 42


@pytest.mark.parametrize("raw", [str(DB_ID_MAX + 1), "0", "-3", "dua", "9" * 500])
def test_an_id_outside_the_database_range_is_refused_naming_field_value_and_range(
    raw: str,
) -> None:
    with pytest.raises(ValidationError) as caught:
        id_param(raw, label="Unit kerja")
    message = caught.value.messages[0]
    assert message.startswith(f"Unit kerja “{raw[:40]}")
    assert "isi bilangan bulat dari 1 sampai 9.223.372.036.854.775.807" in message


def test_the_path_converter_matches_only_ids_the_database_can_hold() -> None:
    converter = IdConverter()
    assert converter.to_python(str(DB_ID_MAX)) == DB_ID_MAX
    for raw in ["0", str(DB_ID_MAX + 1)]:
        with pytest.raises(ValueError, match=raw):
            converter.to_python(raw)
    assert converter.to_url(7) == "7"


@pytest.mark.django_db
def test_an_oversized_id_in_a_path_is_a_404_page(client: Client, personas: Personas) -> None:
    client.force_login(personas.hr_admin)
    assert client.get(f"/pegawai/{DB_ID_MAX + 1}/").status_code == 404
    assert client.get(f"/api/v1/employees/{DB_ID_MAX + 1}/").status_code == 404


def test_a_form_id_field_names_itself_and_the_range() -> None:
    field = IdFormField(label="Unit kerja", required=False)
    with pytest.raises(ValidationError) as caught:
        field.clean(str(DB_ID_MAX + 1))
    assert caught.value.messages == [
        "Unit kerja: isi bilangan bulat dari 1 sampai 9.223.372.036.854.775.807."
    ]


def test_an_api_id_field_refuses_what_the_database_cannot_hold() -> None:
    from rest_framework.exceptions import ValidationError as ApiValidationError

    field = IdSerializerField()
    assert field.run_validation("12") == 12
    with pytest.raises(ApiValidationError) as caught:
        field.run_validation(str(DB_ID_MAX + 1))
    assert "ID paling besar" in str(caught.value)


def test_an_api_text_longer_than_the_model_column_is_refused_naming_both_lengths() -> None:
    from rest_framework.exceptions import ValidationError as ApiValidationError

    field = ModelCharField(Employee, "name")
    assert field.max_length == 200
    with pytest.raises(ApiValidationError) as caught:
        field.run_validation("x" * 201)
    assert caught.value.get_full_details() == [
        {"message": "Nama paling banyak 200 karakter; terisi 201.", "code": "max_length"}
    ]


@pytest.mark.parametrize(
    ("given", "read"),
    [("1.234,5", "1234.5"), ("1234.5", "1234.5"), (12, "12"), (0.5, "0.5"), ("  7 ", "7")],
)
def test_an_api_number_is_read_as_every_other_entrance_reads_it(given: object, read: str) -> None:
    field = DecimalSerializerField(max_digits=16, decimal_places=2)
    assert field.run_validation(given) == Decimal(read)


@pytest.mark.parametrize(
    ("given", "says"),
    [
        ("abc", "'abc' bukan angka; isi angka seperti"),
        ("1e400", "Angka paling banyak 16 digit"),
        (float("inf"), "Isi angka seperti"),
        (True, "Isi angka seperti"),
        ([1], "Isi angka seperti"),
        ("1,234", "Paling banyak 2 angka di belakang koma"),
    ],
)
def test_an_api_number_is_refused_in_indonesian_naming_what_is_accepted(
    given: object, says: str
) -> None:
    from rest_framework.exceptions import ValidationError as ApiValidationError

    field = DecimalSerializerField(max_digits=16, decimal_places=2)
    with pytest.raises(ApiValidationError) as caught:
        field.run_validation(given)
    assert says in str(caught.value)


def test_an_api_page_that_does_not_exist_is_refused_in_indonesian(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.hr_admin)
    response = client.get("/api/v1/employees/", {"page": "99999999999999999999"})
    assert response.status_code == 404
    assert response.json()["detail"].startswith("Halaman 99999999999999999999 tidak ada")
