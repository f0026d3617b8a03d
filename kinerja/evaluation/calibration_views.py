"""The calibration page of an agency (`/kalibrasi/<agency_id>/`): the 3 x 3 grid, the
employees with their evidence, the distribution summary, and for BKPSDM and the Pimpinan
opening the session, moving a rating and locking the group. Thin: the selector reads and
authorises, the services write and refuse.

Admin OPD of the agency and Inspektorat read the page; anyone else gets 404. A reader who does
not calibrate gets 403 on the writing addresses."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from kinerja.accounts.actors import Actor, request_actor
from kinerja.accounts.permissions import require
from kinerja.evaluation.calibration_forms import CalibrationFilterForm, LockForm, MoveForm
from kinerja.evaluation.permissions import NOT_CALIBRATOR, can_calibrate
from kinerja.evaluation.rules import Scope
from kinerja.evaluation.selectors.calibration import (
    CELL_NAMES,
    PAGE_SIZE,
    agency_units,
    calibration_agency_for_actor,
    calibration_page,
)
from kinerja.evaluation.selectors.common import (
    PERIOD_PARAM,
    SCOPE_PARAM,
    evaluation_queryset,
    scope_from_query,
)
from kinerja.evaluation.selectors.distribution import calibration_session_for
from kinerja.evaluation.services.calibration import (
    FIELD_LABELS,
    calibration_open,
)
from kinerja.evaluation.services.calibration import (
    calibration_lock as lock_service,
)
from kinerja.evaluation.services.calibration import (
    calibration_move as move_service,
)
from kinerja.organization.models import Agency
from kinerja.scoring.ratings import Predikat, Rating

TEMPLATE = "evaluation/calibration/calibration.html"
NO_SESSION = "Sesi kalibrasi belum dibuka; buka sesi kalibrasi lebih dulu untuk menggeser rating."


def _calibration_path(agency_id: int) -> str:
    return reverse("evaluation:calibration", kwargs={"agency_id": agency_id})


def _curve_path(agency_id: int) -> str:
    return reverse("evaluation:curve", kwargs={"agency_id": agency_id})


def return_target(raw: str, agency_id: int) -> str | None:
    """`kembali` when it is this agency's calibration or curve page (its query string kept),
    else None: nothing else is ever a redirect target."""
    parts = urlsplit(raw.strip())
    if parts.scheme or parts.netloc or parts.fragment:
        return None
    if parts.path not in (_calibration_path(agency_id), _curve_path(agency_id)):
        return None
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


def _scope_url(agency_id: int, scope: Scope) -> str:
    query = QueryDict(mutable=True)
    query[PERIOD_PARAM] = str(scope.period.pk)
    query[SCOPE_PARAM] = scope.param
    return f"{_calibration_path(agency_id)}?{query.urlencode()}"


def _scope_or_error(query: Any) -> tuple[Scope | None, ValidationError | None]:
    try:
        return scope_from_query(query), None
    except ValidationError as error:
        return scope_from_query({}), error


def _page_query(request: HttpRequest, agency_id: int) -> QueryDict:
    """The filters a POST came from (its `kembali`, when that is this calibration page)."""
    if request.method == "GET":
        return request.GET
    target = return_target(request.POST.get("kembali", ""), agency_id) or ""
    path, _, query = target.partition("?")
    if path != _calibration_path(agency_id):
        query = ""
    fresh = QueryDict(query, mutable=True)
    for key in (PERIOD_PARAM, SCOPE_PARAM):
        if request.POST.get(key):
            fresh[key] = request.POST[key]
    return fresh


def _render(
    request: HttpRequest,
    actor: Actor,
    agency: Agency,
    *,
    move_form: MoveForm | None = None,
    move_person: str = "",
    lock_form: LockForm | None = None,
    status: int = 200,
) -> HttpResponse:
    query = _page_query(request, agency.pk)
    scope, scope_error = _scope_or_error(query)
    context: dict[str, Any] = {"agency": agency, "scope": scope}
    if scope is None:
        return render(request, TEMPLATE, context, status=status)
    message = " ".join(scope_error.messages) if scope_error is not None else ""
    bad = PERIOD_PARAM if message.startswith("Periode") else SCOPE_PARAM
    if message:  # the default group is shown; the bad value is named once, by the scope rule
        query = query.copy()
        query[PERIOD_PARAM] = str(scope.period.pk)
        query[SCOPE_PARAM] = scope.param
    form = CalibrationFilterForm(
        query, scope=scope, units=agency_units(agency), agency_name=agency.name
    )
    if message:
        form.is_valid()
        form.add_error(bad, message)
    page = calibration_page(
        actor=actor,
        agency=agency,
        scope=scope,
        filters=form.to_filters(),
        page_number=query.get("halaman"),
    )
    here = request.get_full_path() if request.method == "GET" else _scope_url(agency.pk, scope)
    if request.method == "POST" and query:
        here = f"{_calibration_path(agency.pk)}?{query.urlencode()}"
    list_query = query.copy()
    list_query.pop("halaman", None)
    list_query.pop("sel", None)
    context.update(
        {
            "page": page,
            "form": form,
            "here": here,
            "base_query": list_query.urlencode(),
            "paging_query": _without(query, "halaman"),
            "calibration_url": _calibration_path(agency.pk),
            "curve_url": _curve_path(agency.pk),
            "move_form": move_form,
            "move_person": move_person,
            "lock_form": lock_form or LockForm(initial={"kembali": here}),
            "field_choices": list(FIELD_LABELS.items()),
            "rating_choices": [(r.value, r.label) for r in Rating],
            "predikats": [(p.value, p.label) for p in Predikat],
            "cell_names": CELL_NAMES,
            "page_size": PAGE_SIZE,
        }
    )
    return render(request, TEMPLATE, context, status=status)


def _without(query: QueryDict, key: str) -> str:
    copy = query.copy()
    copy.pop(key, None)
    return copy.urlencode()


@require_http_methods(["GET", "POST"])
def calibration(request: HttpRequest, agency_id: int) -> HttpResponse:
    """GET: the page. POST: open the session (BKPSDM, Pimpinan)."""
    actor = request_actor(request)
    agency = calibration_agency_for_actor(actor=actor, agency_id=agency_id)
    if request.method == "GET":
        return _render(request, actor, agency)
    require(can_calibrate(actor), NOT_CALIBRATOR)
    scope, scope_error = _scope_or_error(request.POST)
    if scope is None or scope_error is not None:
        messages.error(request, " ".join(scope_error.messages) if scope_error else NO_SESSION)
        return redirect(_calibration_path(agency.pk))
    try:
        calibration_open(actor=actor, agency=agency, scope=scope)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Sesi kalibrasi {agency.name} {scope.label} dibuka.")
    return redirect(_scope_url(agency.pk, scope))


@require_POST
def calibration_move(request: HttpRequest, agency_id: int) -> HttpResponse:
    actor = request_actor(request)
    agency = calibration_agency_for_actor(actor=actor, agency_id=agency_id)
    require(can_calibrate(actor), NOT_CALIBRATOR)
    form = MoveForm(request.POST)
    scope, scope_error = _scope_or_error(request.POST)
    if not form.is_valid():
        return _render(request, actor, agency, move_form=form, status=400)
    if scope is None or scope_error is not None:
        form.add_error(None, scope_error.messages if scope_error else NO_SESSION)
        return _render(request, actor, agency, move_form=form, status=400)
    session = calibration_session_for(agency_id=agency.pk, scope=scope)
    evaluation = evaluation_queryset().filter(pk=form.cleaned_data["evaluation"]).first()
    if session is None or evaluation is None:
        form.add_error(
            None if session is None else "evaluation",
            NO_SESSION if session is None else "Penilaian yang digeser tidak ditemukan.",
        )
        return _render(request, actor, agency, move_form=form, status=400)
    data = form.cleaned_data
    try:
        move = move_service(
            actor=actor,
            session=session,
            evaluation=evaluation,
            field=data["field"],
            after=data["after"],
            reason=data["reason"],
        )
    except ValidationError as error:
        form.add_service_errors(error)
        name = evaluation.plan.employee.full_name
        return _render(request, actor, agency, move_form=form, move_person=name, status=400)
    predikat_after = Predikat(move.predikat_after).label if move.predikat_after else "—"
    messages.success(
        request,
        f"{FIELD_LABELS[move.field].capitalize()} {evaluation.plan.employee.full_name} digeser "
        f"dari {Rating(move.before).label} ke {Rating(move.after).label}; predikat kini "
        f"{predikat_after}.",
    )
    target = return_target(data.get("kembali", ""), agency.pk)
    if target is None or not target.startswith(_calibration_path(agency.pk)):
        target = _scope_url(agency.pk, scope)
    return redirect(target)


@require_POST
def calibration_lock(request: HttpRequest, agency_id: int) -> HttpResponse:
    """Lock the group. From the curve page (`kembali` is the curve) a refusal goes back there
    as a message; from this page it re-renders the page with the error and the text kept."""
    actor = request_actor(request)
    agency = calibration_agency_for_actor(actor=actor, agency_id=agency_id)
    require(can_calibrate(actor), NOT_CALIBRATOR)
    form = LockForm(request.POST)
    form.is_valid()
    target = return_target(request.POST.get("kembali", ""), agency.pk)
    from_curve = target is not None and target.startswith(_curve_path(agency.pk))
    scope, scope_error = _scope_or_error(request.POST)
    try:
        if scope is None or scope_error is not None:
            raise scope_error or ValidationError({NON_FIELD_ERRORS: [NO_SESSION]})
        session = lock_service(
            actor=actor,
            agency=agency,
            scope=scope,
            justification=request.POST.get("justification", ""),
        )
    except ValidationError as error:
        if from_curve and target is not None:
            for message in error.messages:
                messages.error(request, message)
            return redirect(target)
        if not hasattr(error, "error_dict"):
            error = ValidationError({NON_FIELD_ERRORS: error.messages})
        form.add_service_errors(error)
        return _render(request, actor, agency, lock_form=form, status=400)
    count = session.locked_evaluations.count()
    messages.success(
        request,
        f"Hasil penilaian {agency.name} {scope.label} dikunci ({count} penilaian); perubahan "
        "berikutnya hanya melalui keputusan keberatan.",
    )
    return redirect(target or _scope_url(agency.pk, scope))
