"""An objection's full record for Inspektorat (and Admin BKPSDM): every event of the objection
and its evaluation from the audit chain, each checked, and the whole-chain verification
(/keberatan/<id>/rekam/). The verification button posts to `audit:verification_start`."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from kinerja.accounts.actors import request_actor
from kinerja.appeals.selectors.record import objection_record_for_actor


@require_GET
def objection_record(request: HttpRequest, objection_id: int) -> HttpResponse:
    record = objection_record_for_actor(actor=request_actor(request), objection_id=objection_id)
    return render(
        request,
        "appeals/record/record.html",
        {"record": record, "objection": record.objection},
    )
