"""API of organisation ratings and of an agency's distribution report
(api/organization.py, api/distribution.py)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from kinerja.evaluation.models import OrganizationRating
from kinerja.evaluation.rules import Scope
from kinerja.evaluation.testing import make_group, make_org_rating
from kinerja.people.testing import PERSONA_NAMES, Personas
from kinerja.periods.models import PeriodState
from kinerja.planning.testing import make_open_period
from kinerja.scoring.ratings import Predikat

pytestmark = pytest.mark.django_db

RATINGS = "/api/v1/organization-ratings/"
ALL_READERS = {"hr_admin", "leader", "auditor"}


def _annual() -> Scope:
    return Scope(make_open_period(state=PeriodState.EVALUATION), None)


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_organisation_ratings_are_listed_to_the_agencies_readers(
    client: Client, personas: Personas, name: str
) -> None:
    scope = _annual()
    own = make_org_rating(agency=personas.agency, scope=scope, predikat="BAIK")
    other = make_org_rating(agency=personas.other_agency, scope=scope, predikat="ISTIMEWA")
    client.force_login(personas.all()[name])

    response = client.get(RATINGS)

    assert response.status_code == 200
    ids = {row["id"] for row in response.json()["results"]}
    if name in ALL_READERS:
        assert ids == {own.pk, other.pk}
    elif name == "agency_admin":
        assert ids == {own.pk}
    elif name == "other_admin":
        assert ids == {other.pk}
    else:
        assert ids == set()


def test_organisation_ratings_filter_by_group_and_agency(
    client: Client, personas: Personas
) -> None:
    scope = _annual()
    window = scope.period.windows.get(number=1)
    annual = make_org_rating(agency=personas.agency, scope=scope)
    monthly = make_org_rating(agency=personas.agency, scope=Scope(scope.period, window))
    client.force_login(personas.leader)

    def ids(**query: Any) -> set[int]:
        return {row["id"] for row in client.get(RATINGS, query).json()["results"]}

    assert ids(periode=scope.period.pk, evaluasi="tahunan") == {annual.pk}
    assert ids(periode=scope.period.pk, evaluasi=window.pk) == {monthly.pk}
    assert ids(agency=personas.other_agency.pk) == set()
    (row,) = client.get(RATINGS, {"evaluasi": "tahunan"}).json()["results"]
    assert (row["predikat_label"], row["scope"]) == ("Baik", scope.label)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"predikat": "LUAR_BIASA"}, "predikat"),
        ({"agency": 999999}, "agency"),
        ({"evaluasi": "minggu"}, "evaluasi"),
        ({"periode": 999999}, "periode"),
    ],
)
def test_setting_a_rating_with_bad_input_is_refused_naming_the_field(
    client: Client, personas: Personas, body: dict[str, Any], field: str
) -> None:
    scope = _annual()
    client.force_login(personas.leader)
    data = {
        "agency": personas.agency.pk,
        "periode": scope.period.pk,
        "evaluasi": "tahunan",
        "predikat": "BAIK",
        **body,
    }
    response = client.put(RATINGS, data, content_type="application/json")
    assert response.status_code == 400
    assert field in response.json()
    assert not OrganizationRating.objects.exists()


def test_the_leader_sets_a_rating_and_others_are_refused(
    client: Client, personas: Personas
) -> None:
    """Needs services/organization.py (another helper's work): fails until it is merged."""
    scope = _annual()
    data = {
        "agency": personas.agency.pk,
        "periode": scope.period.pk,
        "evaluasi": "tahunan",
        "predikat": "BAIK",
        "planning_note": "Capaian IKU 95%.",
    }
    client.force_login(personas.hr_admin)
    assert client.put(RATINGS, data, content_type="application/json").status_code == 403
    client.force_login(personas.leader)
    response = client.put(RATINGS, data, content_type="application/json")
    assert response.status_code == 200, response.content
    assert (response.json()["predikat"], response.json()["planning_note"]) == (
        "BAIK",
        "Capaian IKU 95%.",
    )


# --- distribution ------------------------------------------------------------------------


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_the_distribution_is_for_the_agencys_readers_and_404_for_the_rest(
    client: Client, personas: Personas, name: str
) -> None:
    scope = _annual()
    make_group(agency=personas.agency, scope=scope, predikats=[Predikat.BAIK])
    client.force_login(personas.all()[name])
    response = client.get(
        f"/api/v1/distribution/{personas.agency.pk}/",
        {"periode": str(scope.period.pk), "evaluasi": "tahunan"},
    )
    if name in ALL_READERS | {"agency_admin"}:
        assert response.status_code == 200
    else:
        assert response.status_code == 404


def test_the_distribution_says_the_broken_guidance_in_words(
    client: Client, personas: Personas
) -> None:
    scope = _annual()
    make_group(
        agency=personas.agency,
        scope=scope,
        predikats=[Predikat.BAIK] * 4 + [Predikat.SANGAT_BAIK],
        unit=personas.staff.unit,
    )
    make_org_rating(agency=personas.agency, scope=scope, predikat="BAIK")
    client.force_login(personas.agency_admin)

    body = client.get(
        f"/api/v1/distribution/{personas.agency.pk}/",
        {"periode": str(scope.period.pk), "evaluasi": "tahunan"},
    ).json()

    assert (body["organization_predikat"], body["organization_predikat_label"]) == ("BAIK", "Baik")
    assert (body["total"], body["pending"], body["locked"]) == (5, 0, False)
    baik = next(c for c in body["counts"] if c["predikat"] == "BAIK")
    assert (baik["count"], baik["share"]) == (4, "0.8000")
    assert any("Butuh Perbaikan atau Kurang/Misconduct" in v for v in body["violations"])
    (unit,) = body["units"]
    assert unit["unit_name"] == personas.staff.unit.name
    assert unit["violations"]
    assert any(v.startswith(f"{unit['unit_name']}: ") for v in body["violations"])


def test_the_distribution_refuses_a_bad_group_naming_the_parameter(
    client: Client, personas: Personas
) -> None:
    scope = _annual()
    client.force_login(personas.hr_admin)
    response = client.get(
        f"/api/v1/distribution/{personas.agency.pk}/",
        {"periode": str(scope.period.pk), "evaluasi": "999999"},
    )
    assert response.status_code == 400
    assert "bukan evaluasi periodik" in response.json()["evaluasi"][0]
    assert client.get("/api/v1/distribution/999999/").status_code == 404
