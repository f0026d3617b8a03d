"""The suggestion signals gathered from the database in a constant number of queries."""

from __future__ import annotations

from typing import Any

import pytest

from kinerja.learning.selectors.suggestions import suggestions_for_employee
from kinerja.learning.testing import make_competency, make_course, make_development_plan, make_item
from kinerja.monitoring.testing import make_feedback
from kinerja.people.testing import Personas
from kinerja.planning.testing import make_open_period
from kinerja.scoring.formatting import format_date_id

pytestmark = pytest.mark.django_db


def test_three_communication_tags_suggest_the_communication_course(personas: Personas) -> None:
    period = make_open_period()
    talk = make_competency(name="Komunikasi efektif", feedback_tag="KOMUNIKASI")
    course = make_course(title="Pelatihan Komunikasi Pelayanan Publik", competencies=[talk])
    make_course(title="Manajemen Arsip", competencies=[make_competency(name="Kearsipan")])
    staff = personas.staff
    for _ in range(3):
        make_feedback(
            employee=staff.employee, author=staff.supervisor, competencies=("KOMUNIKASI",)
        )

    found = suggestions_for_employee(employee=staff.employee, period=period)

    assert [s.course.course_id for s in found] == [course.pk]
    assert found[0].reasons == (
        f"3 umpan balik bertanda komunikasi sejak {format_date_id(period.start_date)}",
    )


def test_a_course_already_in_the_plan_is_not_suggested(personas: Personas) -> None:
    period = make_open_period()
    talk = make_competency(feedback_tag="KOMUNIKASI")
    course = make_course(competencies=[talk])
    staff = personas.staff
    make_item(plan=make_development_plan(employee=staff.employee, period=period), course=course)
    for _ in range(3):
        make_feedback(
            employee=staff.employee, author=staff.supervisor, competencies=("KOMUNIKASI",)
        )

    assert suggestions_for_employee(employee=staff.employee, period=period) == []


def test_the_post_asks_for_its_competencies(personas: Personas) -> None:
    period = make_open_period()
    need = make_competency(name="Pengolahan data", position_kinds=["PELAKSANA"])
    course = make_course(title="Analisis Data Kependudukan", competencies=[need])

    found = suggestions_for_employee(employee=personas.staff.employee, period=period)

    assert [s.course.course_id for s in found] == [course.pk]
    assert found[0].reasons == ("Dibutuhkan jabatan Pelaksana; belum dikembangkan tahun ini",)


def test_queries_do_not_grow_with_feedback_or_catalogue(
    personas: Personas, django_assert_max_num_queries: Any
) -> None:
    period = make_open_period()
    staff = personas.staff

    def grow(n: int) -> None:
        for i in range(n):
            tag = make_competency(name=f"Komunikasi {i}", feedback_tag="KOMUNIKASI")
            make_course(title=f"Kursus {i}", competencies=[tag])
            make_feedback(
                employee=staff.employee, author=staff.supervisor, competencies=("KOMUNIKASI",)
            )

    grow(2)
    with django_assert_max_num_queries(20) as few:
        suggestions_for_employee(employee=staff.employee, period=period)
    grow(10)
    with django_assert_max_num_queries(len(few.captured_queries)):
        found = suggestions_for_employee(employee=staff.employee, period=period)
    assert len(found) == 12
