from __future__ import annotations

from typing import Any

import pytest
from django.http import Http404

from kinerja.discussions.selectors import comments_for, version_get, versions_for
from kinerja.discussions.subjects import subject_label
from kinerja.discussions.testing import make_comment, make_version
from kinerja.organization.testing import make_agency
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db


def test_comments_come_back_per_subject_oldest_first(personas: Personas) -> None:
    employee, post = personas.staff.employee, personas.staff.staff_post
    first = make_comment(subject=employee, body="Pertama", author=personas.supervisor)
    make_comment(subject=post, body="Tentang jabatan")
    second = make_comment(subject=employee, body="Kedua", author=personas.employee)
    quiet = personas.staff.supervisor

    found = comments_for([employee, post, quiet])

    assert found[subject_label(employee)] == [first, second]
    assert [c.body for c in found[subject_label(post)]] == ["Tentang jabatan"]
    assert found[subject_label(quiet)] == []


def test_comments_of_subjects_not_asked_for_are_left_out(personas: Personas) -> None:
    make_comment(subject=personas.staff.supervisor, body="Bukan urusan ini")
    found = comments_for([personas.staff.employee])
    assert found == {subject_label(personas.staff.employee): []}


def test_no_subjects_costs_no_query(django_assert_num_queries: Any) -> None:
    with django_assert_num_queries(0):
        assert comments_for([]) == {}


@pytest.mark.parametrize("count", [1, 50])
def test_comments_of_many_subjects_cost_one_query(
    personas: Personas, django_assert_num_queries: Any, count: int
) -> None:
    agencies = [make_agency() for _ in range(count)]
    for agency in agencies:
        make_comment(subject=agency, author=personas.supervisor)
        make_comment(subject=agency)
    subjects = [*agencies, personas.staff.employee]
    make_comment(subject=personas.staff.employee)

    with django_assert_num_queries(1):
        found = comments_for(subjects)
        bodies = [c.body for comments in found.values() for c in comments]

    assert len(found) == count + 1
    assert len(bodies) == 2 * count + 1


def test_versions_come_back_in_number_order(personas: Personas) -> None:
    employee = personas.staff.employee
    v1, v2 = make_version(subject=employee), make_version(subject=employee)
    make_version(subject=personas.staff.supervisor)
    assert versions_for(employee) == [v1, v2]
    assert versions_for(personas.staff.head) == []


def test_one_version_is_found_by_its_number(personas: Personas) -> None:
    employee = personas.staff.employee
    make_version(subject=employee)
    second = make_version(subject=employee, lines=["Dua"])
    assert version_get(employee, 2) == second


def test_a_version_number_the_subject_does_not_have_is_not_found(personas: Personas) -> None:
    make_version(subject=personas.staff.supervisor)
    make_version(subject=personas.staff.employee)
    with pytest.raises(Http404, match="Versi 2 tidak ada"):
        version_get(personas.staff.employee, 2)
