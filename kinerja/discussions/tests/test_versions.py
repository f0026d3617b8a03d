from __future__ import annotations

import pytest

from kinerja.discussions.testing import make_version
from kinerja.discussions.versions import DiffLine, diff_counts, lines_diff, version_diff
from kinerja.people.testing import Personas


def test_unchanged_lines_stay_as_context() -> None:
    assert lines_diff(["A", "B"], ["A", "B"]) == [DiffLine("same", "A"), DiffLine("same", "B")]


def test_a_new_line_is_added_in_its_place() -> None:
    assert lines_diff(["A", "C"], ["A", "B", "C"]) == [
        DiffLine("same", "A"),
        DiffLine("added", "B"),
        DiffLine("same", "C"),
    ]


def test_a_dropped_line_is_removed() -> None:
    assert lines_diff(["A", "B", "C"], ["A", "C"]) == [
        DiffLine("same", "A"),
        DiffLine("removed", "B"),
        DiffLine("same", "C"),
    ]


def test_a_changed_line_shows_the_old_removed_then_the_new_added() -> None:
    old = ["Hasil: layanan KTP", "Target: 100 dokumen", "Penutup"]
    new = ["Hasil: layanan KTP", "Target: 120 dokumen", "Penutup"]
    assert lines_diff(old, new) == [
        DiffLine("same", "Hasil: layanan KTP"),
        DiffLine("removed", "Target: 100 dokumen"),
        DiffLine("added", "Target: 120 dokumen"),
        DiffLine("same", "Penutup"),
    ]


def test_repeated_lines_are_compared_without_junk_heuristics() -> None:
    old = ["-"] * 300 + ["X"]
    new = ["-"] * 300 + ["Y"]
    diff = lines_diff(old, new)
    assert diff_counts(diff) == (1, 1)
    assert diff[-2:] == [DiffLine("removed", "X"), DiffLine("added", "Y")]


def test_counts_say_how_many_lines_were_added_and_removed() -> None:
    assert diff_counts(lines_diff(["A", "B"], ["A", "C", "D"])) == (2, 1)


@pytest.mark.django_db
def test_the_first_version_shows_every_line_added(personas: Personas) -> None:
    first = make_version(subject=personas.staff.employee, lines=["A", "B"])
    assert version_diff(None, first) == [DiffLine("added", "A"), DiffLine("added", "B")]


@pytest.mark.django_db
def test_two_versions_are_compared_on_their_lines(personas: Personas) -> None:
    employee = personas.staff.employee
    first = make_version(subject=employee, lines=["A", "B"])
    second = make_version(subject=employee, lines=["A", "C"])
    assert version_diff(first, second) == [
        DiffLine("same", "A"),
        DiffLine("removed", "B"),
        DiffLine("added", "C"),
    ]


@pytest.mark.parametrize(
    ("text", "depth"), [("RHK", 0), (" x", 0), ("  IKI", 1), ("    a", 2), (" " * 20 + "b", 3)]
)
def test_a_line_knows_how_deep_it_is_indented(text: str, depth: int) -> None:
    assert DiffLine("same", text).depth == depth
