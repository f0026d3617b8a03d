"""Trial periods for Admin BKPSDM (/uji-coba/): the list, one trial period with what clearing
would delete, and the two actions (clear, switch to real), each a GET confirmation page and a
POST that does it. Others get 403."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from kinerja.accounts.actors import request_actor
from kinerja.core.status_tones import state_tone
from kinerja.engagement.selectors.trial import (
    agency_label,
    trial_clear_preview,
    trial_get_for_actor,
    trial_list_for_actor,
)
from kinerja.engagement.services.trial import trial_period_clear, trial_period_promote
from kinerja.periods.models import PerformancePeriod

CLEAR_WORD = "KOSONGKAN"


def _detail_url(period: PerformancePeriod) -> str:
    return reverse("engagement:trial_detail", kwargs={"period_id": period.pk})


def _row(period: PerformancePeriod) -> dict[str, Any]:
    return {
        "period": period,
        "url": _detail_url(period),
        "agency": agency_label(period),
        "tone": state_tone(period.state)[0].css,
    }


@require_GET
def trial_list(request: HttpRequest) -> HttpResponse:
    periods = trial_list_for_actor(actor=request_actor(request))
    return render(request, "engagement/trials/list.html", {"rows": [_row(p) for p in periods]})


@require_GET
def trial_detail(request: HttpRequest, period_id: int) -> HttpResponse:
    period = trial_get_for_actor(actor=request_actor(request), period_id=period_id)
    context = _row(period) | {"preview": trial_clear_preview(period)}
    return render(request, "engagement/trials/detail.html", context)


class ClearConfirmForm(forms.Form):
    confirmation = forms.CharField(
        label="Ketik tahun periode atau KOSONGKAN untuk memastikan",
        max_length=20,
        error_messages={"required": "Konfirmasi wajib diisi: ketik tahun periode atau KOSONGKAN."},
    )

    def __init__(self, *args: Any, period: PerformancePeriod, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.period = period

    def clean_confirmation(self) -> str:
        value: str = self.cleaned_data["confirmation"].strip()
        if value not in {str(self.period.year), CLEAR_WORD}:
            raise ValidationError(
                f"Konfirmasi {value[:20]!r} tidak cocok: ketik {self.period.year} atau "
                f"{CLEAR_WORD}."
            )
        return value


@require_http_methods(["GET", "POST"])
def trial_clear(request: HttpRequest, period_id: int) -> HttpResponse:
    """GET asks to confirm (typing the year or KOSONGKAN); POST clears."""
    actor = request_actor(request)
    period = trial_get_for_actor(actor=actor, period_id=period_id)
    form = ClearConfirmForm(request.POST or None, period=period)
    if request.method == "POST" and form.is_valid():
        try:
            counts = trial_period_clear(actor=actor, period=period)
        except ValidationError as error:
            form.add_error(None, " ".join(error.messages))
        else:
            messages.success(
                request,
                f"Hasil {period.name} dikosongkan ({sum(counts.values())} data dihapus); "
                "periode kembali ke tahap Perencanaan.",
            )
            return redirect(_detail_url(period))
    context = _row(period) | {"form": form, "preview": trial_clear_preview(period)}
    status = 400 if request.method == "POST" else 200
    return render(request, "engagement/trials/clear.html", context, status=status)


@require_http_methods(["GET", "POST"])
def trial_promote(request: HttpRequest, period_id: int) -> HttpResponse:
    """GET asks to confirm; POST switches the period to real."""
    actor = request_actor(request)
    period = trial_get_for_actor(actor=actor, period_id=period_id)
    refusal = ""
    if request.method == "POST":
        try:
            period = trial_period_promote(actor=actor, period=period)
        except ValidationError as error:
            refusal = " ".join(error.messages)
        else:
            messages.success(
                request,
                f"{period.name} kini periode resmi: hasilnya dihitung dalam ekspor e-Kinerja "
                "dan TPP.",
            )
            return redirect("periods:period_detail", period_id=period.pk)
    context = _row(period) | {
        "refusal": refusal,
        "confirm_url": request.path,
        "consequence": (
            f"{period.name} tidak lagi berstatus uji coba"
            + (f" dan tidak lagi khusus {period.trial_agency.name}" if period.trial_agency else "")
            + ": semua penilaiannya dihitung dalam ekspor e-Kinerja dan TPP. Langkah ini tidak "
            "dapat dibatalkan."
        ),
    }
    return render(
        request, "engagement/trials/promote.html", context, status=400 if refusal else 200
    )
