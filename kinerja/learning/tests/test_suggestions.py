"""The pure suggestion rules: reasons in words, no duplicates, planned courses left out, order."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from kinerja.learning.suggestions import CompetencyLink, CourseOption, Signals, suggest

COMMUNICATION = CompetencyLink(
    1, "Komunikasi efektif", "KOMUNIKASI", "", frozenset(), "SOCIOCULTURAL"
)
COLLABORATION = CompetencyLink(2, "Kolaborasi", "", "KOLABORATIF", frozenset(), "SOCIOCULTURAL")
SUPERVISION = CompetencyLink(3, "Pengawasan teknis", "", "", frozenset({"PENGAWAS"}), "TECHNICAL")
LINKS = [COMMUNICATION, COLLABORATION, SUPERVISION]
TALK = CourseOption(10, "Komunikasi Pelayanan Publik", Decimal(16), frozenset({1}), "COURSE")
TEAM = CourseOption(11, "Kerja Sama Tim", Decimal(8), frozenset({2, 1}), "ELEARNING")
TECH = CourseOption(12, "Teknis Pengawasan", Decimal(24), frozenset({3}), "COURSE")
COACH = CourseOption(13, "Coaching kinerja", Decimal(0), frozenset(), "COACHING")
COURSES = [TALK, TEAM, TECH, COACH]


def signals(**changes: object) -> Signals:
    values: dict[str, object] = {
        "feedback_tags": {},
        "feedback_since": date(2026, 3, 3),
        "tag_labels": {"KOMUNIKASI": "Komunikasi"},
        "low_values": {},
        "value_labels": {"KOLABORATIF": "Kolaboratif"},
        "round_label": "umpan balik 360 September 2026",
        "results_below": "",
        "position_kind": "",
        "position_kind_label": "",
        "developed_this_year": frozenset(),
        "planned_course_ids": frozenset(),
    }
    values.update(changes)
    return Signals(**values)  # type: ignore[arg-type]


def test_three_communication_tags_suggest_the_communication_courses_with_the_reason() -> None:
    found = suggest(
        signals=signals(feedback_tags={"KOMUNIKASI": 3}), competencies=LINKS, courses=COURSES
    )

    assert [s.course.course_id for s in found] == [TEAM.course_id, TALK.course_id]
    assert found[1].reasons == ("3 umpan balik bertanda komunikasi sejak 3 Maret 2026",)
    assert found[1].competency_ids == {1}


def test_one_tag_is_not_enough() -> None:
    assert (
        suggest(
            signals=signals(feedback_tags={"KOMUNIKASI": 1}), competencies=LINKS, courses=COURSES
        )
        == []
    )


def test_a_low_core_value_suggests_its_courses_with_the_mean() -> None:
    found = suggest(
        signals=signals(low_values={"KOLABORATIF": Decimal("2.6")}),
        competencies=LINKS,
        courses=COURSES,
    )

    assert [s.course.course_id for s in found] == [TEAM.course_id]
    assert (
        found[0].reason_text
        == "Kolaboratif rata-rata 2,6 dari 5 pada umpan balik 360 September 2026"
    )


def test_results_below_expectation_suggest_technical_courses_of_the_post_and_coaching() -> None:
    found = suggest(
        signals=signals(
            results_below="Juni 2026", position_kind="PENGAWAS", position_kind_label="Pengawas"
        ),
        competencies=LINKS,
        courses=COURSES,
    )

    assert [s.course.course_id for s in found] == [COACH.course_id, TECH.course_id]
    assert found[1].reasons == (
        "Rating hasil kerja Juni 2026 di bawah ekspektasi",
        "Dibutuhkan jabatan Pengawas; belum dikembangkan tahun ini",
    )


def test_a_competency_developed_this_year_is_not_suggested_for_the_post() -> None:
    found = suggest(
        signals=signals(
            position_kind="PENGAWAS",
            position_kind_label="Pengawas",
            developed_this_year=frozenset({3}),
        ),
        competencies=LINKS,
        courses=COURSES,
    )

    assert found == []


def test_one_course_for_several_reasons_lists_them_strongest_first() -> None:
    found = suggest(
        signals=signals(
            feedback_tags={"KOMUNIKASI": 2}, low_values={"KOLABORATIF": Decimal("2.1")}
        ),
        competencies=LINKS,
        courses=COURSES,
    )
    team = next(s for s in found if s.course == TEAM)

    assert team.reasons[0].startswith("2 umpan balik bertanda komunikasi")
    assert team.reasons[1].startswith("Kolaboratif rata-rata 2,1")
    assert "; " in team.reason_text


def test_a_course_already_planned_is_not_suggested() -> None:
    found = suggest(
        signals=signals(
            feedback_tags={"KOMUNIKASI": 5}, planned_course_ids=frozenset({TALK.course_id})
        ),
        competencies=LINKS,
        courses=COURSES,
    )

    assert [s.course.course_id for s in found] == [TEAM.course_id]


tags = st.dictionaries(st.sampled_from(["KOMUNIKASI", "KERJA_SAMA"]), st.integers(0, 9))
values = st.dictionaries(
    st.sampled_from(["KOLABORATIF", "ADAPTIF"]),
    st.integers(10, 29).map(lambda n: Decimal(n) / 10),
)
id_sets = st.frozensets(st.integers(1, 6), max_size=4)
links = st.lists(
    st.builds(
        CompetencyLink,
        competency_id=st.integers(1, 6),
        name=st.just("Kompetensi"),
        feedback_tag=st.sampled_from(["", "KOMUNIKASI", "KERJA_SAMA"]),
        core_value=st.sampled_from(["", "KOLABORATIF", "ADAPTIF"]),
        position_kinds=st.frozensets(st.sampled_from(["PENGAWAS", "PELAKSANA"])),
        kind=st.sampled_from(["TECHNICAL", "MANAGERIAL"]),
    ),
    max_size=6,
)
courses = st.lists(
    st.builds(
        CourseOption,
        course_id=st.integers(1, 12),
        title=st.sampled_from(["A", "B", "C"]),
        jp=st.integers(0, 400).map(lambda n: Decimal(n) / 10),
        competency_ids=id_sets,
        kind=st.sampled_from(["COURSE", "COACHING"]),
    ),
    max_size=8,
    unique_by=lambda course: course.course_id,
)
all_signals = st.builds(
    signals,
    feedback_tags=tags,
    low_values=values,
    results_below=st.sampled_from(["", "Juni 2026"]),
    position_kind=st.sampled_from(["", "PENGAWAS"]),
    developed_this_year=id_sets,
    planned_course_ids=st.frozensets(st.integers(1, 12), max_size=4),
)


@given(all_signals, links, courses)
def test_no_course_is_suggested_twice(
    found: Signals, links: list[CompetencyLink], courses: list[CourseOption]
) -> None:
    ids = [s.course.course_id for s in suggest(signals=found, competencies=links, courses=courses)]
    assert len(ids) == len(set(ids))


@given(all_signals, links, courses)
def test_every_suggestion_has_a_reason(
    found: Signals, links: list[CompetencyLink], courses: list[CourseOption]
) -> None:
    for suggestion in suggest(signals=found, competencies=links, courses=courses):
        assert suggestion.reasons
        assert all(reason.strip() for reason in suggestion.reasons)


@given(all_signals, links, courses)
def test_a_planned_course_is_never_suggested(
    found: Signals, links: list[CompetencyLink], courses: list[CourseOption]
) -> None:
    ids = {s.course.course_id for s in suggest(signals=found, competencies=links, courses=courses)}
    assert not ids & found.planned_course_ids


@given(all_signals, links, courses)
def test_the_order_is_stable_whatever_the_order_of_the_catalogue(
    found: Signals, links: list[CompetencyLink], courses: list[CourseOption]
) -> None:
    forward = suggest(signals=found, competencies=links, courses=courses)
    backward = suggest(signals=found, competencies=links[::-1], courses=courses[::-1])
    assert [s.course.course_id for s in forward] == [s.course.course_id for s in backward]
    assert forward == suggest(signals=found, competencies=links, courses=courses)
