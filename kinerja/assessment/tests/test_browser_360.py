"""Acceptance of issue 14 in a real browser (Debian's Chromium via Playwright), on a 360 px
phone: three peers, a subordinate and the supervisor fill the questionnaire; Admin BKPSDM
closes the round; the rated employee sees her peers' mean and "kurang dari 3 penilai" for her
subordinates; her appraiser sees the same beside the behaviour rating of her evaluation."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from playwright.sync_api import expect

from kinerja.accounts.models import User
from kinerja.assessment.models import AnswerSheet, BehaviorReview, CycleState, ReviewCycle
from kinerja.assessment.testing import make_cycle, make_team_360
from kinerja.core.testing import axe_serious, chromium_page, page_log_in
from kinerja.evaluation.models import EvaluationState
from kinerja.evaluation.testing import make_evaluation
from kinerja.monitoring.testing import make_running_plan, window_on
from kinerja.people.testing import Personas
from kinerja.planning.selectors import core_values

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 800}
ROUND = "Umpan balik 360 Uji Penerimaan"


@contextmanager
def _signed_in(browser: Any, live_server: Any, user: User) -> Iterator[Any]:
    """A phone-sized page logged in as `user` (a session cookie, as the evaluation test)."""
    with chromium_page(browser, **PHONE) as page:
        page_log_in(page, user=user, base_url=live_server.url)
        yield page


def _no_sideways_scroll(page: Any) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], page.url


def _fill(page: Any, live_server: Any, review: BehaviorReview, score: int, comment: str) -> None:
    """Open the questionnaire, pick `score` on every behaviour, write a comment, send."""
    page.goto(f"{live_server.url}/360/isi/{review.pk}/")
    radios = page.locator(f"input[type=radio][value='{score}']")
    expect(radios).to_have_count(len(core_values()) * 3)
    for radio in radios.all():
        radio.check()
    page.locator("textarea").first.fill(comment)
    _no_sideways_scroll(page)
    page.get_by_role("button", name="Kirim").click()
    expect(page.get_by_text("Terkirim pada").first).to_be_visible()


def test_raters_answer_and_the_employee_and_appraiser_see_the_suppressed_aggregates(
    browser: Any, live_server: Any, personas: Personas
) -> None:
    plan = make_running_plan(employee=personas.staff.supervisor)
    window = window_on(plan)
    cycle = make_cycle(agency=personas.agency, window=window, name=ROUND)
    team = make_team_360(personas, peers=3, cycle=cycle)
    evaluation = make_evaluation(plan=plan, window=window, state=EvaluationState.DRAFT)

    # Three peers (3, 4 and 5: a mean of 4,00), the subordinate (2) and the supervisor (5).
    raters = [
        *zip(team.peer_users, team.peer_reviews, (3, 4, 5), strict=True),
        (personas.employee, team.subordinate_reviews[0], 2),
        (personas.appraiser_superior, team.supervisor_review, 5),
    ]
    for n, (user, review, score) in enumerate(raters):
        with _signed_in(browser, live_server, user) as page:
            _fill(page, live_server, review, score, f"Contoh perilaku nyata nomor {n + 1}.")
            if n == 0:
                assert not axe_serious(page)
    assert AnswerSheet.objects.filter(cycle=cycle, submitted=True).count() == 5

    # Admin BKPSDM closes the round on its page.
    with _signed_in(browser, live_server, personas.hr_admin) as page:
        page.goto(f"{live_server.url}/360/{cycle.pk}/")
        _no_sideways_scroll(page)
        assert not axe_serious(page)
        page.get_by_role("button", name="Tutup putaran").click()
        expect(page.get_by_text("Selesai").first).to_be_visible()
    assert ReviewCycle.objects.get(pk=cycle.pk).state == CycleState.CLOSED

    # Sri finds her results from /360/: her peers' mean, her subordinates suppressed.
    with _signed_in(browser, live_server, personas.supervisor) as page:
        page.goto(f"{live_server.url}/360/")
        page.get_by_test_id("my-results").get_by_role("link", name=ROUND).click()
        table = page.locator("table")
        expect(table.get_by_text("4,00 (3 penilai)").first).to_be_visible()
        expect(table.get_by_text("kurang dari 3 penilai").first).to_be_visible()
        for n in (1, 2, 3):
            expect(page.get_by_text(f"Contoh perilaku nyata nomor {n}.").first).to_be_visible()
        assert page.get_by_text("Contoh perilaku nyata nomor 4.").count() == 0
        _no_sideways_scroll(page)
        assert not axe_serious(page)

    # The appraiser (the Kabid) sees the same beside the behaviour rating of Sri's evaluation.
    with _signed_in(browser, live_server, personas.appraiser_superior) as page:
        page.goto(f"{live_server.url}/penilaian/{evaluation.pk}/")
        block = page.get_by_test_id(f"behavior-{core_values()[0].code}")
        expect(block).to_contain_text("4,00 (3 penilai)")
        expect(block).to_contain_text("kurang dari 3 penilai")
        expect(block).not_to_contain_text("Contoh perilaku nyata nomor 4.")
        _no_sideways_scroll(page)
        assert not axe_serious(page)
