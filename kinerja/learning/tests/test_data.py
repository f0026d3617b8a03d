"""The starter dictionary and catalogue (data/*.json): codes unique, every reference valid, every
feedback tag and every kind of activity covered."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from django.utils.text import slugify

from kinerja.learning.data import starter_catalogue, starter_dictionary
from kinerja.learning.models import CompetencyKind, CourseKind, CourseMode
from kinerja.learning.rules import JP_MAX
from kinerja.monitoring.models import Competency as FeedbackTag
from kinerja.organization.models import PositionKind
from kinerja.planning.selectors import core_value_codes


def _repeated(codes: list[str]) -> list[str]:
    return [code for code, n in Counter(codes).items() if n > 1]


def test_dictionary_codes_are_unique_slugs_and_every_field_fits_the_model() -> None:
    rows = starter_dictionary()
    assert 12 <= len(rows) <= 25
    codes = [row["code"] for row in rows]
    assert _repeated(codes) == []
    assert _repeated([row["name"].lower() for row in rows]) == []
    for row in rows:
        assert row["code"] == slugify(row["code"]), row
        assert len(row["code"]) <= 60, row
        assert 0 < len(row["name"]) <= 150, row
        assert row["kind"] in CompetencyKind.values, row
        assert len(row["description"]) >= 40, row


def test_dictionary_references_feedback_tags_core_values_and_post_kinds_that_exist() -> None:
    values = core_value_codes()
    for row in starter_dictionary():
        assert row["feedback_tag"] == "" or row["feedback_tag"] in FeedbackTag.values, row
        assert row["core_value"] == "" or row["core_value"] in values, row
        assert set(row["position_kinds"]) <= set(PositionKind.values), row


def test_dictionary_has_every_kind_and_answers_every_feedback_tag() -> None:
    rows = starter_dictionary()
    assert {row["kind"] for row in rows} == set(CompetencyKind.values)
    assert {row["feedback_tag"] for row in rows} - {""} == set(FeedbackTag.values)
    managerial = {row["code"] for row in rows if row["kind"] == CompetencyKind.MANAGERIAL}
    assert {"kepemimpinan", "pengambilan-keputusan", "manajemen-perubahan"} <= managerial
    social = {row["code"] for row in rows if row["kind"] == CompetencyKind.SOCIOCULTURAL}
    assert {"komunikasi-efektif", "kerja-sama", "pelayanan-publik", "integritas"} <= social


def test_catalogue_codes_are_unique_and_every_field_fits_the_model() -> None:
    rows = starter_catalogue()
    assert 18 <= len(rows) <= 30
    assert _repeated([row["code"] for row in rows]) == []
    assert _repeated([row["title"] for row in rows]) == []
    for row in rows:
        assert row["code"] == slugify(row["code"]), row
        assert len(row["code"]) <= 60, row
        assert 0 < len(row["title"]) <= 200, row
        assert row["kind"] in CourseKind.values, row
        assert row["mode"] in CourseMode.values, row
        assert 0 < len(row["provider"]) <= 150, row
        jp = Decimal(row["jp"])
        assert Decimal("0.5") <= jp <= JP_MAX, row
        assert jp == jp.quantize(Decimal("0.1")), row


def test_every_course_develops_dictionary_competencies() -> None:
    codes = {row["code"] for row in starter_dictionary()}
    for row in starter_catalogue():
        assert row["competencies"], row
        assert _repeated(row["competencies"]) == [], row
        assert set(row["competencies"]) <= codes, row


def test_catalogue_offers_every_kind_of_activity_and_the_named_providers() -> None:
    rows = starter_catalogue()
    assert {row["kind"] for row in rows} == set(CourseKind.values)
    assert {row["mode"] for row in rows} == set(CourseMode.values)
    providers = {row["provider"] for row in rows}
    assert {"BKPSDM Kota Surakarta", "BPSDM Provinsi Jawa Tengah", "LAN"} <= providers
    assert any("e-learning" in provider for provider in providers)


def test_every_feedback_tag_leads_to_at_least_one_course() -> None:
    tag_of = {row["code"]: row["feedback_tag"] for row in starter_dictionary()}
    reached = {tag_of[code] for row in starter_catalogue() for code in row["competencies"]}
    assert set(FeedbackTag.values) <= reached
    communication = [
        row["code"]
        for row in starter_catalogue()
        if any(tag_of[code] == FeedbackTag.COMMUNICATION for code in row["competencies"])
    ]
    assert "komunikasi-pelayanan-publik" in communication  # the demo's suggested course


def test_every_competency_is_developed_by_some_course() -> None:
    developed = {code for row in starter_catalogue() for code in row["competencies"]}
    assert {row["code"] for row in starter_dictionary()} == developed
