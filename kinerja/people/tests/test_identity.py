"""One table of bad identities, four entrances: the employee form, the service, the API and
the import all refuse the same value with the same Indonesian sentence (people/identity.py).

Personas (conftest.py): hr_admin may use every entrance, so only the identity decides.
"""

from __future__ import annotations

import html
from datetime import date
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from kinerja.organization.models import Position
from kinerja.people.imports import HEADER, employee_import_validate
from kinerja.people.imports.testing import to_csv
from kinerja.people.services import employee_create
from kinerja.people.testing import Personas, make_position

pytestmark = pytest.mark.django_db

GOOD: dict[str, Any] = {
    "nip": "19950310 202001 2 004",
    "employment_type": "PNS",
    "name": "Ratna Lestari",
    "gender": "P",
    "birth_date": date(1995, 3, 10),
    "grade": "III/a",
}
PRINTED = "19950310 202001 2 004"
PNS_GRADES = (
    "I/a, I/b, I/c, I/d, II/a, II/b, II/c, II/d, III/a, III/b, III/c, III/d, "
    "IV/a, IV/b, IV/c, IV/d, IV/e"
)

BAD_IDENTITIES: dict[str, tuple[dict[str, Any], str, str]] = {
    "NIP too short": (
        {"nip": "1995031020200120"},
        "nip",
        "NIP 1995031020200120 harus 18 digit; ditemukan 16.",
    ),
    "NIP with an impossible birth date": (
        {"nip": "199502302020012004"},
        "nip",
        "Tanggal lahir 19950230 pada NIP 199502302020012004 bukan tanggal yang ada; digit 1-8 "
        "harus tanggal lahir TTTTBBHH, misalnya 19860926.",
    ),
    "gender against digit 15": (
        {"gender": "L"},
        "gender",
        f"Jenis kelamin tidak cocok dengan NIP {PRINTED}: digit ke-15 menyatakan Perempuan, "
        "bukan Laki-laki.",
    ),
    "birth date against digits 1-8": (
        {"birth_date": date(1995, 3, 11)},
        "birth_date",
        f"Tanggal lahir 11 Maret 1995 tidak cocok dengan NIP {PRINTED}: digit 1-8 menyatakan "
        "10 Maret 1995.",
    ),
    "PPPK with a PNS number": (
        {"employment_type": "PPPK"},
        "employment_type",
        f"Jenis kepegawaian PPPK tidak cocok dengan NIP {PRINTED}: NIP ini bukan nomor PPPK, "
        "melainkan berbentuk nomor PNS (digit 13-14).",
    ),
    "a PPPK grade for a PNS": (
        {"grade": "IX"},
        "grade",
        f"Golongan 'IX' tidak berlaku untuk PNS; yang diterima I/a … IV/e: {PNS_GRADES}.",
    ),
}


def through_service(personas: Personas, identity: dict[str, Any], field: str) -> str:
    with pytest.raises(ValidationError) as refused:
        employee_create(actor=personas.hr_admin, **identity)
    return refused.value.message_dict[field][0]


def through_api(client: Client, identity: dict[str, Any], field: str) -> str:
    body = {**identity, "birth_date": identity["birth_date"].isoformat()}
    response = client.post("/api/v1/employees/", body, content_type="application/json")
    assert response.status_code == 400
    reason: str = response.json()[field][0]
    return reason


def through_form(client: Client, identity: dict[str, Any], post: Position) -> str:
    data = {**identity, "position": post.pk, "start_date": "2025-01-02"}
    response = client.post("/pegawai/tambah/", data)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def through_import(personas: Personas, identity: dict[str, Any], field: str) -> str:
    row = dict.fromkeys(HEADER.values(), "")
    row.update(
        {
            "NIP": identity["nip"],
            "Jenis Kepegawaian": identity["employment_type"],
            "Nama": identity["name"],
            "Jenis Kelamin": identity["gender"],
            "Tanggal Lahir": identity["birth_date"].isoformat(),
            "Golongan": identity["grade"],
            "Kode Perangkat Daerah": personas.agency.code,
        }
    )
    report = employee_import_validate(
        actor=personas.hr_admin, content=to_csv([row]), file_name="pegawai.csv"
    )
    assert [e.column for e in report.errors] == [HEADER[field]], report.errors
    return report.errors[0].reason


@pytest.mark.parametrize("case", list(BAD_IDENTITIES))
def test_a_bad_identity_gets_the_same_sentence_at_every_entrance(
    client: Client, personas: Personas, case: str
) -> None:
    change, field, sentence = BAD_IDENTITIES[case]
    identity = {**GOOD, **change}
    client.force_login(personas.hr_admin)
    post = make_position(agency=personas.agency)

    assert through_service(personas, identity, field) == sentence
    assert through_api(client, identity, field) == sentence
    assert sentence in through_form(client, identity, post)
    assert through_import(personas, identity, field) == sentence


def test_the_good_identity_passes_every_entrance(client: Client, personas: Personas) -> None:
    row_report = employee_import_validate(
        actor=personas.hr_admin,
        content=to_csv(
            [
                {
                    **dict.fromkeys(HEADER.values(), ""),
                    "NIP": GOOD["nip"],
                    "Nama": GOOD["name"],
                    "Golongan": GOOD["grade"],
                    "Kode Perangkat Daerah": personas.agency.code,
                }
            ]
        ),
        file_name="pegawai.csv",
    )
    assert row_report.errors == []
    employee = employee_create(actor=personas.hr_admin, **GOOD)
    assert employee.nip == "199503102020012004"
