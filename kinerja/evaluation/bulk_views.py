"""The page /penilaian/siapkan/: BKPSDM (the city or one agency) and an Admin OPD (their own
agency) prepare the draft evaluations of a window or the year as one job, then follow its
progress on the same page (`?tugas=<job id>`, the core job pattern)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from kinerja.accounts.actors import request_actor
from kinerja.accounts.models import User
from kinerja.accounts.permissions import can_manage_city, managed_agency_id, refuse
from kinerja.core.rendering import render_page_or_fragment
from kinerja.core.selectors import job_get_for_actor
from kinerja.evaluation.rules import ANNUAL_PARAM, Scope
from kinerja.evaluation.selectors.common import default_scope, scope_choices, scope_from_query
from kinerja.evaluation.services.bulk import (
    NOT_PREPARER,
    PREPARE_KIND,
    evaluations_prepare_start,
)
from kinerja.organization.models import Agency
from kinerja.people.holdings import today
from kinerja.periods.models import PerformancePeriod

CITY = "kota"
JOB_PARAM = "tugas"


def _agency_choices(actor: User) -> list[tuple[str, str]]:
    if can_manage_city(actor):
        agencies = Agency.objects.order_by("name").values_list("pk", "name")
        return [(CITY, "Seluruh perangkat daerah"), *((str(pk), name) for pk, name in agencies)]
    agencies = Agency.objects.filter(pk=managed_agency_id(actor) or 0).values_list("pk", "name")
    return [(str(pk), name) for pk, name in agencies]


class PrepareForm(forms.Form):
    evaluasi = forms.ChoiceField(label="Evaluasi")
    agency = forms.ChoiceField(label="Perangkat daerah")

    def __init__(self, *args: Any, actor: User, period: PerformancePeriod, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.period = period
        scope_field = self.fields["evaluasi"]
        agency_field = self.fields["agency"]
        assert isinstance(scope_field, forms.ChoiceField)
        assert isinstance(agency_field, forms.ChoiceField)
        scope_field.choices = scope_choices(period)
        scope_field.initial = default_scope(period, today()).param
        scope_field.help_text = "Satu evaluasi periodik, atau penilaian tahunan."
        agency_field.choices = _agency_choices(actor)

    def scope(self) -> Scope:
        found = scope_from_query(
            {"periode": str(self.period.pk), "evaluasi": self.cleaned_data["evaluasi"]}
        )
        assert found is not None  # the period exists
        return found

    def chosen_agency(self) -> Agency | None:
        value = self.cleaned_data["agency"]
        return None if value == CITY else Agency.objects.get(pk=int(value))


def _period(request: HttpRequest) -> PerformancePeriod | None:
    try:
        scope = scope_from_query({"periode": request.GET.get("periode", "")})
    except ValidationError as error:
        raise Http404(" ".join(error.messages)) from error
    return scope.period if scope else None


def _job(request: HttpRequest, actor: User) -> Any:
    raw = request.GET.get(JOB_PARAM, "")
    if not raw:
        return None
    try:
        job_id = UUID(raw)
    except ValueError as error:
        raise Http404 from error
    job = job_get_for_actor(actor=actor, job_id=job_id)
    if job.kind != PREPARE_KIND:
        raise Http404
    return job


@require_http_methods(["GET", "POST"])
@never_cache
def evaluation_prepare(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    if not (can_manage_city(actor) or managed_agency_id(actor) is not None):
        refuse(NOT_PREPARER)
    period = _period(request)
    job = _job(request, actor)
    form = PrepareForm(request.POST or None, actor=actor, period=period) if period else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            job = evaluations_prepare_start(
                actor=actor, scope=form.scope(), agency=form.chosen_agency()
            )
        except ValidationError as error:
            form.add_error(None, " ".join(error.messages))
        else:
            url = reverse("evaluation:evaluation_prepare")
            return redirect(f"{url}?periode={period.pk if period else ''}&{JOB_PARAM}={job.pk}")
    url = reverse("evaluation:evaluation_prepare")
    context = {
        "form": form,
        "period": period,
        "periods": PerformancePeriod.objects.order_by("-year", "pk"),
        "job": job,
        "poll_url": f"{url}?periode={period.pk if period else ''}&{JOB_PARAM}={job.pk}"
        if job
        else "",
        "annual": ANNUAL_PARAM,
    }
    status = 400 if form is not None and form.errors else 200
    return render_page_or_fragment(
        request,
        page="evaluation/prepare/prepare.html",
        fragment="evaluation/prepare/_job_part.html",
        context=context,
        status=status,
    )
