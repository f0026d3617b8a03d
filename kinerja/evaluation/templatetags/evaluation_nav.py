"""The tabs that join an agency's evaluation pages (curve, calibration, documents, export, TPP)
for the same group, each shown only to who may open it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import template
from django.urls import reverse

from kinerja.accounts.actors import request_actor
from kinerja.evaluation.permissions import can_export_agency, can_view_agency_group
from kinerja.evaluation.rules import Scope
from kinerja.evaluation.selectors.common import PERIOD_PARAM, SCOPE_PARAM

register = template.Library()


@dataclass(frozen=True)
class Tab:
    key: str
    label: str
    url: str
    active: bool


@register.inclusion_tag("evaluation/_agency_tabs.html", takes_context=True)
def agency_tabs(
    context: dict[str, Any], agency: Any, scope: Scope | None, active: str
) -> dict[str, Any]:
    actor = request_actor(context["request"])
    query = f"?{PERIOD_PARAM}={scope.period.pk}&{SCOPE_PARAM}={scope.param}" if scope else ""
    pages = []
    if can_view_agency_group(actor, agency.pk):
        pages += [
            ("curve", "Kurva distribusi", "evaluation:curve", query),
            ("calibration", "Kalibrasi", "evaluation:calibration", query),
            ("documents", "Dokumen penilaian", "evaluation:document_batch", query),
        ]
    if can_export_agency(actor, agency.pk):
        pages += [
            ("export", "Ekspor e-Kinerja", "evaluation:export_index", query),
            ("allowance", "TPP", "evaluation:allowance_index", f"?perangkat={agency.pk}"),
        ]
    tabs = [
        Tab(key, label, reverse(name, kwargs={"agency_id": agency.pk}) + extra, key == active)
        if name != "evaluation:allowance_index"
        else Tab(key, label, reverse(name) + extra, key == active)
        for key, label, name, extra in pages
    ]
    return {"tabs": tabs if len(tabs) > 1 else [], "agency": agency}
