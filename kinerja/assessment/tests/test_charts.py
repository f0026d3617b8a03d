"""The 360° results chart (charts.py): SVG without script, bars only for shown groups, the
self-assessment marked, the figures in words."""

from __future__ import annotations

import pytest

from kinerja.assessment.charts import results_chart_svg, results_chart_words
from kinerja.assessment.summary import summary_build
from kinerja.assessment.testing import make_answered_team_360
from kinerja.people.testing import Personas

pytestmark = pytest.mark.django_db


def test_the_chart_is_an_svg_image_with_its_figures_in_words(personas: Personas) -> None:
    team = make_answered_team_360(personas)
    summary = summary_build(cycle=team.cycle, employee_id=team.ratee.pk)
    svg = results_chart_svg(summary)
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert "<script" not in svg
    assert "<style" not in svg
    assert 'role="img"' in svg
    words = results_chart_words(summary)
    assert (
        "Akuntabel: Atasan 2,00; Rekan kerja 4,00 (3 penilai); Bawahan kurang dari 3 penilai;"
        in words
    )
    assert "Diri sendiri 3,00" in words
    assert f'aria-label="{words}"' in svg


def test_a_suppressed_group_has_no_bar_and_self_is_a_line(personas: Personas) -> None:
    team = make_answered_team_360(personas)
    svg = results_chart_svg(summary_build(cycle=team.cycle, employee_id=team.ratee.pk))
    bars = svg.count("<rect") - 3  # the legend's three squares
    assert bars == 7 * 2  # supervisor and peers per value, no subordinate bar
    assert "<title>Bawahan" not in svg
    assert svg.count("<title>Diri sendiri 3,00</title>") == 7


def test_an_open_round_draws_nothing(personas: Personas) -> None:
    team = make_answered_team_360(personas, closed=False)
    summary = summary_build(cycle=team.cycle, employee_id=team.ratee.pk)
    assert results_chart_svg(summary) == ""
    assert results_chart_words(summary) == "Hasil belum tersedia."
