"""GET /api/v1/service-units/<slug>/ikm/: the unit report's figures for its readers."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.test import Client

from kinerja.accounts.api_tokens import api_token_issue
from kinerja.organization.models import ServiceUnit
from kinerja.people.testing import AGENCY_READERS, Personas
from kinerja.scoring.ikm import Element, WeightConvention, ikm
from kinerja.surveys.models import ServicePopulation
from kinerja.surveys.testing import make_responses, make_service_unit

pytestmark = pytest.mark.django_db

READERS = AGENCY_READERS
ANSWERS: list[list[int | None]] = [
    [4, 3, 3, 4, 3, 3, 4, 2, 3],
    [3, 4, None, 4, 3, 3, 4, 2, 3],
    [4, 4, 3, 3, 3, 4, 4, 1, 2],
]


@pytest.fixture
def unit(personas: Personas) -> ServiceUnit:
    service_unit = make_service_unit(unit=personas.staff.unit, slug="loket-balai-kota")
    make_responses(service_unit=service_unit, answers=ANSWERS, day=date(2026, 5, 20))
    make_responses(service_unit=service_unit, answers=[[1] * 9], day=date(2026, 8, 1))
    return service_unit


@pytest.mark.parametrize(
    "name",
    ["employee", "supervisor", "appraiser_superior", "agency_admin", "other_admin", "hr_admin",
     "leader", "auditor", "outsider"],
)  # fmt: skip
def test_the_ikm_api_answers_the_unit_report_readers_only(
    client: Client, personas: Personas, unit: ServiceUnit, name: str
) -> None:
    client.force_login(personas.all()[name])
    response = client.get("/api/v1/service-units/loket-balai-kota/ikm/", {"tahun": "2026"})
    assert response.status_code == (200 if name in READERS else 403)
    if name not in READERS:
        assert set(response.json()) == {"detail"}
        assert "ikm" not in response.json()


def test_the_ikm_api_asks_for_authentication(client: Client, unit: ServiceUnit) -> None:
    response = client.get("/api/v1/service-units/loket-balai-kota/ikm/")
    assert response.status_code in {401, 403}


def test_the_ikm_api_accepts_a_token(client: Client, personas: Personas, unit: ServiceUnit) -> None:
    token = api_token_issue(actor=personas.employee, name="uji").key
    response = client.get(
        "/api/v1/service-units/loket-balai-kota/ikm/",
        {"tahun": "2026"},
        HTTP_AUTHORIZATION=f"Token {token}",
    )
    assert response.status_code == 200


@pytest.mark.parametrize("convention", list(WeightConvention))
def test_the_ikm_api_gives_the_figures_of_the_scoring_core(
    client: Client, personas: Personas, unit: ServiceUnit, convention: WeightConvention
) -> None:
    ServicePopulation.objects.create(service_unit=unit, year=2026, population=100)
    client.force_login(personas.agency_admin)
    response = client.get(
        "/api/v1/service-units/loket-balai-kota/ikm/",
        {"from": "2026-05-01", "to": "2026-05-31", "bobot": convention.value},
    )
    assert response.status_code == 200
    body = response.json()
    expected = ikm([dict(zip(Element, row, strict=True)) for row in ANSWERS], convention)
    assert body["respondents"] == 3
    assert Decimal(body["ikm"]) == expected.value
    assert Decimal(body["index"]) == expected.index
    assert (body["grade"], body["label"]) == (expected.grade, expected.label)
    assert body["convention"] == convention.value
    assert body["span"] == {
        "kind": "range", "start": "2026-05-01", "end": "2026-05-31",
        "label": "1 Mei 2026 s.d. 31 Mei 2026",
    }  # fmt: skip
    means = {row["code"]: row["mean"] for row in body["elements"]}
    assert means == {e.value: f"{expected.element_means[e]:.4f}" for e in Element}
    assert body["elements"][2]["respondents"] == 2
    assert (body["population"], body["required_sample"], body["sample_adequate"]) == (
        100, 80, False,
    )  # fmt: skip


def test_the_ikm_api_reads_a_month_and_says_when_there_is_no_data(
    client: Client, personas: Personas, unit: ServiceUnit
) -> None:
    client.force_login(personas.hr_admin)
    url = "/api/v1/service-units/loket-balai-kota/ikm/"
    august = client.get(url, {"bulan": "2026-08"}).json()
    assert (august["respondents"], august["ikm"], august["grade"]) == (1, "25.00", "D")
    empty = client.get(url, {"triwulan": "2026-1"}).json()
    assert (empty["respondents"], empty["ikm"], empty["grade"]) == (0, None, "")
    assert empty["elements"][0]["mean"] is None


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"bulan": "2026-13"}, "bulan", "'2026-13' bukan bulan yang dikenal"),
        ({"from": "2026-05-01"}, "to", "'' bukan tanggal"),
        ({"from": "2026-05-09", "to": "2026-05-01"}, "to", "tidak boleh sebelum"),
        ({"tahun": "1800"}, "tahun", "'1800' bukan periode yang dikenal"),
        ({"bobot": "0.11"}, "bobot", "Bobot '0.11' tidak dikenal; pilih EXACT (1/9 (tepat))"),
        ({"tahun": "9" * 60}, "tahun", "40"),
    ],
)
def test_bad_parameters_are_refused_in_the_house_shape(
    client: Client,
    personas: Personas,
    unit: ServiceUnit,
    params: dict[str, str],
    field: str,
    message: str,
) -> None:
    client.force_login(personas.hr_admin)
    response = client.get("/api/v1/service-units/loket-balai-kota/ikm/", params)
    assert response.status_code == 400
    assert message in response.json()[field][0]
    assert response["Cache-Control"] == "no-store"


def test_an_unknown_unit_is_not_found(client: Client, personas: Personas) -> None:
    client.force_login(personas.hr_admin)
    response = client.get("/api/v1/service-units/tidak-ada/ikm/")
    assert response.status_code == 404


def test_the_ikm_api_is_in_the_openapi_schema(client: Client, personas: Personas) -> None:
    client.force_login(personas.hr_admin)
    schema = client.get("/api/schema/", {"format": "json"}).json()
    operation = schema["paths"]["/api/v1/service-units/{slug}/ikm/"]["get"]
    assert operation["summary"] == "IKM unit layanan"
    assert {p["name"] for p in operation["parameters"]} >= {
        "from", "to", "bulan", "triwulan", "tahun", "bobot", "slug",
    }  # fmt: skip
