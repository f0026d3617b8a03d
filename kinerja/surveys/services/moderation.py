"""Moderation of citizens' suggestions: hide an abusive text from the public (with a reason)
and show it again. The response and its answers stay; staff still read the hidden text, marked
with the reason; the counts of suggestions (total, hidden) do not change."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from kinerja.accounts.actors import Actor
from kinerja.accounts.permissions import require
from kinerja.audit.services import audit_record
from kinerja.surveys.models import SurveyResponse
from kinerja.surveys.permissions import can_manage_unit_survey

REASON_MAX_CHARS = 200
MODERATE_REFUSAL = (
    "Hanya kepala unit layanan atau Admin OPD perangkat daerahnya yang dapat menyembunyikan "
    "atau menampilkan saran."
)


def _require_moderate(actor: Actor, response: SurveyResponse) -> None:
    require(can_manage_unit_survey(actor, response.service_unit), MODERATE_REFUSAL)


def _locked(response: SurveyResponse) -> SurveyResponse:
    return SurveyResponse.objects.select_for_update().get(pk=response.pk)


def _snapshot(response: SurveyResponse) -> dict[str, object]:
    return {
        "suggestion_hidden": response.suggestion_hidden,
        "suggestion_hidden_reason": response.suggestion_hidden_reason,
    }


def suggestion_hide(*, actor: Actor, response: SurveyResponse, reason: str) -> SurveyResponse:
    """Hide the response's suggestion from the public, saying why [survey_suggestion.hidden]."""
    _require_moderate(actor, response)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": ["Alasan menyembunyikan saran wajib diisi."]})
    if len(reason) > REASON_MAX_CHARS:
        raise ValidationError(
            {
                "reason": [
                    f"Alasan terlalu panjang ({len(reason)} karakter); "
                    f"paling banyak {REASON_MAX_CHARS} karakter."
                ]
            }
        )
    with transaction.atomic():
        response = _locked(response)
        if not response.suggestion.strip():
            raise ValidationError({"response": ["Jawaban ini tidak berisi saran atau pengaduan."]})
        if response.suggestion_hidden:
            raise ValidationError({"response": ["Saran ini sudah disembunyikan."]})
        before = _snapshot(response)
        response.suggestion_hidden = True
        response.suggestion_hidden_reason = reason
        response.save(update_fields=["suggestion_hidden", "suggestion_hidden_reason"])
        audit_record(
            actor=actor, action="survey_suggestion.hidden", obj=response, before=before,
            after=_snapshot(response),
        )  # fmt: skip
    return response


def suggestion_show(*, actor: Actor, response: SurveyResponse) -> SurveyResponse:
    """Show a hidden suggestion to the public again [survey_suggestion.shown]."""
    _require_moderate(actor, response)
    with transaction.atomic():
        response = _locked(response)
        if not response.suggestion_hidden:
            raise ValidationError({"response": ["Saran ini tidak sedang disembunyikan."]})
        before = _snapshot(response)
        response.suggestion_hidden = False
        response.suggestion_hidden_reason = ""
        response.save(update_fields=["suggestion_hidden", "suggestion_hidden_reason"])
        audit_record(
            actor=actor, action="survey_suggestion.shown", obj=response, before=before,
            after=_snapshot(response),
        )  # fmt: skip
    return response
