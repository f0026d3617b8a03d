"""Every page, every persona, on a 360 px phone, with and without JavaScript (issue 9.6, 9.8).

The list of pages comes from the URL configuration, so a page added later is walked too: a URL
with a parameter this module has no sample for fails the test until a sample is added below.
Skipped by design: the API, the Django admin, the health check, downloads (not HTML) and
POST-only endpoints (a GET answers 405). For each persona, every page that answers 200 with
HTML is opened in Chromium at 360 px and must not scroll sideways or cut anything; with
JavaScript on, axe-core must find no serious or critical violation (once per page).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from kinerja.accounts.api_tokens import api_token_issue
from kinerja.accounts.testing import make_lock
from kinerja.appeals.models import ObjectionSubject
from kinerja.appeals.services.exchange import objection_explain
from kinerja.appeals.services.filing import objection_file
from kinerja.assessment.models import CycleState
from kinerja.assessment.testing import make_sheet, make_team_360
from kinerja.core.jobs import job_create, job_succeed
from kinerja.discussions.testing import make_comment
from kinerja.engagement.testing import (
    make_announcement,
    make_guide,
    make_perception_responses,
    make_perception_round,
    make_suggestion,
)
from kinerja.evaluation.selectors.common import default_scope
from kinerja.evaluation.services.calibration import calibration_move, calibration_open
from kinerja.evaluation.services.evaluations.receipt import evaluation_acknowledge
from kinerja.evaluation.testing import make_documented_evaluation, make_evaluation, make_org_rating
from kinerja.learning.tasks import TRAINING_COURSES_IMPORT_KIND
from kinerja.learning.testing import (
    make_competency,
    make_course,
    make_development_plan,
    make_item,
)
from kinerja.monitoring.evidence.testing import minimal_pdf
from kinerja.monitoring.testing import (
    make_action,
    make_dialogue,
    make_feedback,
    make_feedback_request,
    make_link_evidence,
    make_realization,
    plan_indicators,
)
from kinerja.notifications.testing import make_notification
from kinerja.people.holdings import today
from kinerja.people.imports.tasks import APPLY_KIND, VALIDATE_KIND
from kinerja.people.testing import Personas
from kinerja.periods.testing import make_period
from kinerja.planning.goal_import import GOAL_IMPORT_KIND
from kinerja.planning.testing import make_goal, make_plan, make_result
from kinerja.surveys.models import FollowUpAction
from kinerja.surveys.paper_import.tasks import PAPER_IMPORT_KIND
from kinerja.surveys.services.proposals import (
    standard_propose,
)
from kinerja.surveys.services.standards import (
    standard_approve,
    standard_edit,
    standard_start,
)
from kinerja.surveys.testing import (
    STANDARD_REQUIRED_TEXTS,
    make_responses,
    make_service,
    make_service_unit,
)

WIDTH = 360
SKIPPED_PREFIXES = ("/api/", "/admin-django/", "/healthz")
SKIPPED_NAMES = ("admin:", "api:", "api-schema", "api-docs", "healthz")
PERSONAS = [
    "anonymous", "employee", "supervisor", "appraiser_superior", "agency_admin", "hr_admin",
    "leader", "auditor",
]  # fmt: skip

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Elements whose content is cut: a cell with an ellipsis, or a box that hides or scrolls what
# does not fit (screen-reader-only text, 1 px wide, is not cut for anyone who sees the page).
CUT_ELEMENTS = """
() => [...document.querySelectorAll('body *')].filter(e => {
  const s = getComputedStyle(e);
  if (s.display === 'none' || s.visibility === 'hidden' || e.clientWidth <= 1) return false;
  if ((e.tagName === 'TD' || e.tagName === 'TH') && s.textOverflow === 'ellipsis') return true;
  return s.overflowX !== 'visible' && e.scrollWidth > e.clientWidth + 1;
}).map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ')[0] : '')
  + ': ' + (e.textContent || '').trim().slice(0, 40))
"""


# Controls a finger must hit: at least 44 px tall (links inside running text are exempt).
SMALL_TARGETS = """
() => [...document.querySelectorAll(
  'button, .btn, summary, select, textarea, input:not([type=hidden]):not([type=checkbox])'
  + ':not([type=radio]), .k-nav a, .page-link, td.k-primary a, .k-crumbs a'
)].filter(e => {
  const r = e.getBoundingClientRect();
  // A honeypot is hidden from people on purpose: out of the tab order and of the a11y tree.
  if (e.getAttribute('tabindex') === '-1' && e.closest('[aria-hidden=true]')) return false;
  const shown = getComputedStyle(e).visibility !== 'hidden';
  return shown && r.width > 1 && r.height > 0 && r.height < 43.5;
}).map(e => e.tagName.toLowerCase() + ' ' + Math.round(e.getBoundingClientRect().height) + 'px: '
  + (e.textContent || e.getAttribute('name') || '').trim().slice(0, 30))
"""


def url_patterns() -> Iterator[tuple[str, URLPattern]]:
    """(namespaced name, pattern) of every named URL of the project."""

    def walk(patterns: list[Any], namespace: str) -> Iterator[tuple[str, URLPattern]]:
        for entry in patterns:
            if isinstance(entry, URLResolver):
                inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
                yield from walk(entry.url_patterns, inner)
            elif isinstance(entry, URLPattern) and entry.name:
                yield f"{namespace}{entry.name}", entry

    yield from walk(get_resolver().url_patterns, "")


@dataclass
class Samples:
    """A value for each URL parameter, and per-URL overrides where one name means two things."""

    by_param: dict[str, Any]
    by_name: dict[str, dict[str, Any]]

    def kwargs_for(self, name: str, pattern: URLPattern) -> dict[str, Any]:
        params = list(pattern.pattern.converters)
        override = self.by_name.get(name, {})
        missing = [p for p in params if p not in override and p not in self.by_param]
        assert not missing, f"{name}: tambahkan contoh untuk parameter {missing} di {__file__}"
        return {p: override.get(p, self.by_param.get(p)) for p in params}


def page_urls(samples: Samples) -> list[str]:
    urls = []
    for name, pattern in url_patterns():
        if name.startswith(SKIPPED_NAMES):
            continue
        url = reverse(name, kwargs=samples.kwargs_for(name, pattern) or None)
        if not url.startswith(SKIPPED_PREFIXES) and url not in urls:
            urls.append(url)
    return urls


_axe_checked: set[str] = set()


def samples_for(personas: Personas) -> Samples:
    validation = job_create(owner=personas.hr_admin, kind=VALIDATE_KIND, title="Periksa berkas")
    errors = [
        {"row": 5, "column": "NIP", "value": "1990", "reason": "NIP 1990 harus 18 digit."},
        {"row": 22, "column": "Nama Lengkap Dengan Gelar", "value": "", "reason": "Wajib diisi."},
    ]
    job_succeed(
        job_id=validation.pk,
        message="Selesai",
        result={
            "clean": False, "total_rows": 30, "error_count": 2, "error_rows": 2, "errors": errors,
            "file": {"file_name": "pegawai-dinas-kependudukan-dan-pencatatan-sipil.xlsx",
                     "size": 12345},
        },
    )  # fmt: skip
    applied = job_create(owner=personas.hr_admin, kind=APPLY_KIND, title="Simpan impor")
    staff = personas.staff
    assignment = staff.employee.assignments.get()
    # A token and a lock, so that the token page and the lock list are walked with a row.
    token = api_token_issue(actor=personas.hr_admin, name="Sinkronisasi SIASN").token
    lock = make_lock(user=personas.employee, minutes_left=15)
    # The employee's draft SKP with a commented result, and the supervisor's own, submitted
    # (so that "SKP tim saya", the cascade form and a version page show).
    period = make_period()
    submitted = make_plan(employee=staff.supervisor, period=period, results=1, state="SUBMITTED")
    plan = make_plan(employee=staff.employee, period=period, results=1)
    result = plan.results.get()
    make_comment(subject=result, body="Target 12 dokumen sudah sesuai?", author=personas.supervisor)
    # Goals of the agency and one result of the supervisor nobody contributes to, so that the goal
    # list, the tree and the matrix (with its warning) have rows.
    goal = make_goal(agency=personas.agency, period=period, indicators=1)
    result.parent = submitted.results.get()
    result.save(update_fields=["parent"])
    make_result(plan=submitted, text="Arsip digital lengkap")
    # Monitoring: the period runs, the supervisor's plan is approved with a realisation (and a
    # link as evidence) this month; a feedback request, a feedback, a coaching dialogue with an
    # action, and a notification.
    period.state = "EXECUTION"
    period.save(update_fields=["state"])
    submitted.state, submitted.approved_version = "APPROVED", 1
    submitted.save(update_fields=["state", "approved_version"])
    indicator = plan_indicators(submitted)[0]
    realization = make_realization(plan=submitted, indicator=indicator, state="SUBMITTED")
    evidence = make_link_evidence(realization=realization)
    feedback_request = make_feedback_request(employee=staff.employee, asked=staff.supervisor)
    feedback = make_feedback(
        employee=staff.employee, author=staff.supervisor, author_is_appraiser=True,
        competencies=("KOMUNIKASI",),
    )  # fmt: skip
    dialogue = make_dialogue(
        employee=staff.employee, appraiser=staff.supervisor, kind="COACHING", state="DONE",
        when=timezone.now() - timedelta(days=1),
    )  # fmt: skip
    dialogue_action = make_action(dialogue=dialogue)
    notification = make_notification(recipient=personas.employee)
    goal_import = job_create(owner=personas.hr_admin, kind=GOAL_IMPORT_KIND, title="Impor sasaran")
    job_succeed(
        job_id=goal_import.pk,
        message="Selesai",
        result={
            "clean": False, "total_rows": 4, "error_count": 2, "error_rows": 2, "errors": errors,
            "agency_id": personas.agency.pk, "period_id": period.pk,
            "file": {"file_name": "sasaran-strategis-dinas-kependudukan.xlsx", "size": 2345},
        },
    )  # fmt: skip
    # A service unit of the personas' unit with a service, answers with a suggestion, an
    # approved standard (version 1) with an open proposal, a follow-up action and a paper import.
    service_unit = make_service_unit(unit=staff.unit, name="Loket Pelayanan Adminduk")
    service = make_service(service_unit=service_unit, name="Perekaman KTP-el")
    responses = make_responses(
        service_unit=service_unit, service=service, answers=[[3, 4, 3, 4, 3, 3, 4, 2, 3]] * 3,
        profile={"gender": "P", "age": 34, "education": "S1", "occupation": "SWASTA"},
        suggestion="Antrean pagi terlalu panjang.",
    )  # fmt: skip
    standard = standard_start(actor=personas.appraiser_superior, service_unit=service_unit)
    standard = standard_edit(
        actor=personas.appraiser_superior, standard=standard, texts=STANDARD_REQUIRED_TEXTS,
        revision=standard.revision,
    )  # fmt: skip
    standard_approve(
        actor=personas.appraiser_superior, standard=standard, revision=standard.revision
    )
    proposal = standard_propose(
        actor=personas.employee, standard=standard, kind="TIME", text="Selesai dalam 1 jam."
    )
    followup = FollowUpAction.objects.create(
        service_unit=service_unit, year=responses[0].survey_date.year, element="U8",
        action="Sediakan kanal pengaduan daring yang dijawab dalam 2 hari.", owner="Kasi Identitas",
    )  # fmt: skip
    paper = job_create(owner=personas.agency_admin, kind=PAPER_IMPORT_KIND, title="Impor kertas")
    job_succeed(
        job_id=paper.pk,
        message="Selesai",
        result={
            "clean": False, "total_rows": 3, "error_count": 2, "error_rows": 2, "errors": errors,
            "service_unit_id": service_unit.pk,
            "file": {"file_name": "survei-kertas-oktober.xlsx", "size": 2345},
        },
    )  # fmt: skip
    # Evaluation: the supervisor's plan rated for the group a page opens on, the agency rated
    # Baik, a calibration session with one move, so that the curve, the grid, the list and
    # the detail have content.
    scope = default_scope(period, today())
    evaluation = make_evaluation(plan=submitted, window=scope.window)
    make_org_rating(agency=personas.agency, scope=scope)
    session = calibration_open(actor=personas.hr_admin, agency=personas.agency, scope=scope)
    calibration_move(
        actor=personas.hr_admin, session=session, evaluation=evaluation, field="BEHAVIOR",
        after="ABOVE", reason="Pelayanan loket keliling diakui warga.",
    )  # fmt: skip
    # An objection of the employee against an acknowledged evaluation (of a trial period: the
    # real period of this year already holds her draft plan), filed with a PDF attached and
    # explained, so that the record shows the thread, the answer form (the employee) and the
    # decision form (the appraiser's superior, walked for that); the explanation and the
    # timeline have content.
    objected = make_documented_evaluation(
        employee=staff.employee, appraiser=staff.supervisor, trial=True
    )
    objected = evaluation_acknowledge(actor=personas.employee, evaluation=objected)
    objection = objection_file(
        actor=personas.employee, evaluation=objected, subject=ObjectionSubject.RESULTS,
        statement="Realisasi RHK 1 sudah 100% dengan bukti notulen, tetapi dinilai sesuai "
        "ekspektasi tanpa penjelasan.",
        requested="Rating hasil kerja Di Atas Ekspektasi.",
        files=[SimpleUploadedFile("notulen-rapat.pdf", minimal_pdf("Notulen"), "application/pdf")],
    )  # fmt: skip
    objection = objection_explain(
        actor=personas.supervisor, objection=objection,
        explanation="Capaian RHK 1 dihitung dari realisasi yang diterima: 83,33%.",
    )  # fmt: skip
    # and the supervisor's own evaluation of the trial period, received, not objected: the
    # filing form shows to her.
    to_object = make_documented_evaluation(
        employee=staff.supervisor, appraiser=staff.kabid, trial=True
    )
    to_object = evaluation_acknowledge(actor=personas.supervisor, evaluation=to_object)
    # 360°: a closed round in which the supervisor persona was rated by everyone (the employee
    # persona as her subordinate), so that results, lists and the questionnaire have content.
    team = make_team_360(personas, state=CycleState.CLOSED)
    for review in team.all_reviews:
        make_sheet(review, comments={"AKUNTABEL": "Selalu tepat waktu menyerahkan laporan."})
    # and a round still open, whose questionnaire (the employee persona rating her) is walked
    open_team = make_team_360(personas, state=CycleState.OPEN)
    # Competency development: the employee's plan, proposed, with a course of the catalogue and
    # an activity completed waiting for confirmation (the agree, return and confirm forms show
    # to the supervisor), a course import with row errors.
    competency = make_competency(feedback_tag="KOMUNIKASI", core_value="KOLABORATIF")
    course = make_course(competencies=[competency])
    development = make_development_plan(employee=staff.employee, period=period, state="PROPOSED")
    make_item(plan=development, course=course)
    completed_item = make_item(plan=development, state="COMPLETED")
    course_import = job_create(
        owner=personas.hr_admin, kind=TRAINING_COURSES_IMPORT_KIND, title="Impor katalog"
    )
    job_succeed(
        job_id=course_import.pk,
        message="Selesai",
        result={
            "clean": False, "total_rows": 4, "error_count": 2, "error_rows": 2, "errors": errors,
            "file": {"file_name": "katalog-pelatihan-bkpsdm-2026.xlsx", "size": 2345},
        },
    )  # fmt: skip
    guide = make_guide(title="Menyusun SKP", body="## Langkah\n\n1. Tekan **Ajukan**.")
    # Engagement: a city-wide announcement, an answered suggestion of the employee, a closed
    # perception round with enough answers in the agency to be shown, and the trial period of
    # the objected evaluation (its clear and promote confirmations).
    announcement = make_announcement(title="Uji coba Kinerja dimulai")
    suggestion = make_suggestion(
        author=personas.employee, state="ANSWERED", title="Tombol simpan kurang jelas"
    )
    perception_round = make_perception_round(state="CLOSED")
    make_perception_responses(
        perception_round, count=6, agency=personas.agency, remark="Indikator kurang jelas."
    )
    return Samples(
        by_param={
            "step": 2,
            "announcement_id": announcement.pk,
            "suggestion_id": suggestion.pk,
            "round_id": perception_round.pk,
            "cycle_id": team.cycle.pk,
            "review_id": open_team.subordinate_reviews[0].pk,
            "evaluation_id": evaluation.pk,
            "slug": service_unit.slug,
            "response_id": responses[0].pk,
            "action_id": followup.pk,
            "service_id": service.pk,
            "proposal_id": proposal.pk,
            "number": 1,
            "agency_id": personas.agency.pk,
            "employee_id": staff.employee.pk,
            "unit_id": staff.unit.pk,
            "panel": "plans",
            "assignment_id": assignment.pk,
            "job_id": validation.pk,
            "token_id": token.pk,
            "lock_id": lock.pk,
            "period_id": period.pk,
            "plan_id": plan.pk,
            "window_id": realization.window_id,
            "realization_id": realization.pk,
            "token": evidence.token,
            "feedback_id": feedback.pk,
            "request_id": feedback_request.pk,
            "dialogue_id": dialogue.pk,
            "notification_id": notification.pk,
            "result_id": result.pk,
            "indicator_id": result.indicators.get().pk,
            "version_number": 1,
            "goal_id": goal.pk,
            "objection_id": objection.pk,
            "attachment_id": objection.attachments.get().pk,
            "item_id": completed_item.pk,
            "course_id": course.pk,
            "competency_id": competency.pk,
        },
        by_name={
            "engagement:guide_detail": {"slug": guide.slug},
            "engagement:announcement_detail": {"announcement_id": announcement.pk},
            **{
                f"engagement:{name}": {"period_id": objected.plan.period_id}
                for name in ("trial_detail", "trial_clear", "trial_promote")
            },
            "engagement:guide_edit": {"slug": guide.slug},
            "people_import:result": {"job_id": applied.pk},
            "assessment:list_detail": {"employee_id": team.ratee.pk},
            "assessment:results": {"employee_id": team.ratee.pk},
            "planning:plan_version": {"plan_id": submitted.pk},
            **{
                f"monitoring:{name}": {
                    "plan_id": submitted.pk,
                    "window_id": realization.window_id,
                    "indicator_id": indicator.pk,
                }
                for name in ("realizations", "realization_edit", "realization_decide")
            },
            "monitoring:dialogue_action_done": {"action_id": dialogue_action.pk},
            "monitoring:dialogue_action_reopen": {"action_id": dialogue_action.pk},
            "planning:goal_indicator_edit": {"indicator_id": goal.indicators.get().pk},
            "planning:goal_import_job": {"job_id": goal_import.pk},
            "planning:goal_import_errors": {"job_id": goal_import.pk},
            "surveys:paper_import_job": {"job_id": paper.pk},
            "surveys:paper_import_errors": {"job_id": paper.pk},
            # the explanation and the timeline of the objected evaluation; the filing form of
            # the supervisor's own acknowledged one
            "appeals:evaluation_explanation": {"evaluation_id": objected.pk},
            "appeals:evaluation_timeline": {"evaluation_id": objected.pk},
            "appeals:objection_file": {"evaluation_id": to_object.pk},
            "learning:course_import_job": {"job_id": course_import.pk},
            # learning's plan_id is a development plan, not an SKP
            **{
                f"learning:{name}": {"plan_id": development.pk}
                for name in (
                    "plan_detail",
                    "item_add",
                    "plan_propose",
                    "plan_agree",
                    "plan_return",
                    "plan_comment",
                )
            },
        },
    )


def user_for(name: str, personas: Personas) -> Any:
    return None if name == "anonymous" else personas.all()[name]


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "tanpa-js"])
@pytest.mark.parametrize("persona", PERSONAS)
def test_every_page_fits_a_360_px_phone_and_passes_axe(
    live_server: Any,
    personas: Personas,
    browser: Any,
    persona: str,
    javascript: bool,
) -> None:
    samples = samples_for(personas)
    client = Client()
    user = user_for(persona, personas)
    if user is not None:
        client.force_login(user)
    pages = []
    for url in page_urls(samples):
        response = client.get(url)
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            pages.append(url)
    assert pages, persona

    context = browser.new_context(
        viewport={"width": WIDTH, "height": 740}, locale="id-ID", java_script_enabled=javascript
    )
    if user is not None:
        cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
        )
    page = context.new_page()
    problems: list[str] = []
    try:
        for url in pages:
            page.goto(f"{live_server.url}{url}")
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > WIDTH:
                problems.append(f"{url}: lebar {width} px > {WIDTH} px")
            cut = page.evaluate(CUT_ELEMENTS)
            if cut:
                problems.append(f"{url}: terpotong {cut[:3]}")
            small = page.evaluate(SMALL_TARGETS)
            if small:
                problems.append(f"{url}: sasaran sentuh < 44 px {small[:3]}")
            if javascript and url not in _axe_checked:
                _axe_checked.add(url)
                problems.extend(f"{url}: {v}" for v in axe_violations(page))
    finally:
        context.close()
    assert not problems, "\n".join(problems)


def axe_violations(page: Any) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]

    results = Axe().run(page)
    return [
        f"axe {v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def test_page_list_covers_every_named_html_page(personas: Personas) -> None:
    urls = page_urls(samples_for(personas))
    for expected in ["/", "/gaya/", "/pegawai/", "/organisasi/", "/audit/", "/akun/masuk/"]:
        assert expected in urls
    assert not any(url.startswith(SKIPPED_PREFIXES) for url in urls)


def logged_in_page(browser: Any, live_server: Any, user: Any, *, javascript: bool) -> Any:
    client = Client()
    client.force_login(user)
    context = browser.new_context(
        viewport={"width": WIDTH, "height": 740}, locale="id-ID", java_script_enabled=javascript
    )
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )
    return context.new_page()


def test_phone_menu_opens_without_javascript(
    live_server: Any, personas: Personas, browser: Any
) -> None:
    page = logged_in_page(browser, live_server, personas.hr_admin, javascript=False)
    try:
        page.goto(f"{live_server.url}/")
        link = page.get_by_role("link", name="Pegawai", exact=True)
        assert not link.is_visible()
        page.get_by_text("Menu", exact=True).click()
        assert link.is_visible()
        link.click()
        page.wait_for_url(f"{live_server.url}/pegawai/")
        assert page.get_by_role("heading", name="Pegawai", exact=True).is_visible()
    finally:
        page.context.close()


def test_filters_fold_behind_saring_on_a_phone_so_results_come_first(
    live_server: Any,
    personas: Personas,
    browser: Any,
) -> None:
    page = logged_in_page(browser, live_server, personas.hr_admin, javascript=False)
    try:
        page.goto(f"{live_server.url}/pegawai/")
        search = page.get_by_label("Cari NIP atau nama")
        assert not search.is_visible()
        assert page.get_by_role("link", name="Agus Wibowo").is_visible()
        page.get_by_text("Saring", exact=True).click()
        search.fill("sri handayani")
        page.get_by_role("button", name="Terapkan").click()
        assert page.get_by_text("1 pegawai.").is_visible()
        assert page.get_by_role("link", name="Sri Handayani").is_visible()
        # The filters fold again over the results; the button says one is active.
        assert not page.get_by_label("Cari NIP atau nama").is_visible()
        assert page.get_by_text("1 aktif").is_visible()
        # From 768 px the filters are always open.
        page.set_viewport_size({"width": 1024, "height": 740})
        assert page.get_by_label("Cari NIP atau nama").is_visible()
        assert not page.get_by_text("Saring", exact=True).is_visible()
    finally:
        page.context.close()


def test_skip_link_is_the_first_tab_stop_and_focus_is_visible(
    live_server: Any, personas: Personas, browser: Any
) -> None:
    page = logged_in_page(browser, live_server, personas.employee, javascript=True)
    try:
        page.goto(f"{live_server.url}/")
        page.keyboard.press("Tab")
        skip = page.get_by_role("link", name="Lewati ke konten utama")
        assert skip.evaluate("e => e === document.activeElement")
        assert skip.is_visible()
        outline = skip.evaluate("e => getComputedStyle(e).outlineStyle")
        assert outline == "solid"
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "konten"
    finally:
        page.context.close()
