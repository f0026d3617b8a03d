"""An objection's full record for Inspektorat (and Admin BKPSDM): every event of the objection
and its evaluation from the audit chain, each checked, and the whole-chain verification."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse


def objection_record(request: HttpRequest, objection_id: int) -> HttpResponse:
    raise Http404("Belum tersedia.")
