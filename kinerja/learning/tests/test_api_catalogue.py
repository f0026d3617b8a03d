"""The catalogue API (/api/v1/training-courses/): everyone logged in reads the active courses,
with the page's filters; refusals of bad parameters in Indonesian; constant queries."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client
from pytest_django import DjangoAssertNumQueries

from kinerja.learning.models import CourseKind, TrainingCourse
from kinerja.learning.testing import make_competency, make_course
from kinerja.people.testing import PERSONA_NAMES, Personas

pytestmark = pytest.mark.django_db

URL = "/api/v1/training-courses/"


def _catalogue() -> tuple[TrainingCourse, TrainingCourse]:
    talk = make_competency(name="Komunikasi efektif")
    lead = make_competency(name="Kepemimpinan")
    return (
        make_course(title="Komunikasi Pelayanan Publik", competencies=[talk]),
        make_course(title="Coaching Pengawas", competencies=[lead], kind=CourseKind.COACHING),
    )


def test_anonymous_gets_401_or_403(client: Client) -> None:
    assert client.get(URL).status_code in (401, 403)


@pytest.mark.parametrize("name", PERSONA_NAMES)
def test_everyone_logged_in_reads_the_catalogue(
    client: Client, personas: Personas, name: str
) -> None:
    course, _ = _catalogue()
    client.force_login(personas.all()[name])
    body = client.get(URL).json()
    assert body["count"] == 2
    assert client.get(f"{URL}{course.pk}/").status_code == 200


def test_a_course_carries_its_jp_and_competencies(client: Client, personas: Personas) -> None:
    course, _ = _catalogue()
    client.force_login(personas.employee)
    body = client.get(f"{URL}{course.pk}/").json()
    assert body["title"] == "Komunikasi Pelayanan Publik"
    assert Decimal(body["jp"]) == Decimal(16)
    assert body["kind_label"] == "Pelatihan klasikal"
    assert [c["name"] for c in body["competencies"]] == ["Komunikasi efektif"]


def test_the_filters_narrow_the_list(client: Client, personas: Personas) -> None:
    course, other = _catalogue()
    client.force_login(personas.employee)
    titles = [r["title"] for r in client.get(URL + "?q=coaching").json()["results"]]
    assert titles == ["Coaching Pengawas"]
    titles = [r["title"] for r in client.get(URL + "?kind=COACHING").json()["results"]]
    assert titles == ["Coaching Pengawas"]
    assert client.get(URL + "?mode=ONLINE").json()["count"] == 0
    talk = course.competencies.get()
    ids = [r["id"] for r in client.get(URL + f"?competency={talk.pk}").json()["results"]]
    assert ids == [course.pk]
    assert other.pk not in ids


def test_an_unknown_kind_is_refused_in_indonesian(client: Client, personas: Personas) -> None:
    client.force_login(personas.employee)
    response = client.get(URL + "?kind=KURSUS")
    assert response.status_code == 400
    assert "KURSUS" in response.content.decode()
    assert "tidak dikenal" in response.content.decode()


def test_an_inactive_course_is_404_for_all_but_bkpsdm(client: Client, personas: Personas) -> None:
    course, _ = _catalogue()
    TrainingCourse.objects.filter(pk=course.pk).update(is_active=False)
    client.force_login(personas.employee)
    assert client.get(f"{URL}{course.pk}/").status_code == 404
    assert client.get(URL).json()["count"] == 1
    client.force_login(personas.hr_admin)
    assert client.get(f"{URL}{course.pk}/").status_code == 200


def test_the_list_costs_the_same_queries_for_2_and_20_courses(
    client: Client, personas: Personas, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    client.force_login(personas.employee)
    _catalogue()
    client.get(URL)
    with django_assert_max_num_queries(10) as few:
        client.get(URL)
    talk = make_competency()
    for i in range(18):
        make_course(title=f"Pelatihan {i}", competencies=[talk])
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(URL).json()["count"] == 20
