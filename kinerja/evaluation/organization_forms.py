"""Forms of the organisation predikat and curve pages: the group time picker (period and window
or the year), the agency filter (name, kind), and the Pimpinan's organisation predikat form.

They parse what people type; `scope_from_query` and the service decide and explain refusals.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kinerja.evaluation.rules import Scope
from kinerja.evaluation.selectors.common import (
    PERIOD_PARAM,
    SCOPE_PARAM,
    scope_choices,
    scope_from_query,
)
from kinerja.organization.models import AgencyKind
from kinerja.people.forms import bootstrap_widgets
from kinerja.periods.models import PerformancePeriod
from kinerja.planning.forms import ServiceErrorsForm
from kinerja.scoring.ratings import OrganizationPredikat

NAME_PARAM = "q"
KIND_PARAM = "jenis"
KINDS = frozenset(kind.value for kind in AgencyKind)


def scope_pick(query: Mapping[str, str]) -> tuple[Scope | None, str, str]:
    """The group time a page shows, the parameter that was refused and why ("" when none).

    A window that is not of the chosen period falls back to that period's default group; a
    period that does not exist to the current one. The sentence is shown under the field."""
    try:
        return scope_from_query(query), "", ""
    except ValidationError as error:
        message = error.messages[0]
    try:
        return scope_from_query({PERIOD_PARAM: query.get(PERIOD_PARAM) or ""}), SCOPE_PARAM, message
    except ValidationError:
        return scope_from_query({}), PERIOD_PARAM, message


def agency_filter_values(query: Mapping[str, str]) -> tuple[str, str]:
    """(part of a name, agency kind) from the query; an unknown kind is ignored."""
    name = (query.get(NAME_PARAM) or "").strip()[:100]
    kind = (query.get(KIND_PARAM) or "").strip()
    return name, kind if kind in KINDS else ""


class ScopeForm(forms.Form):
    """Period and evaluation (a window of the period or the year). The choices come from the
    stored periods; the value is checked by `scope_pick`, whose sentence `refuse` shows."""

    periode = forms.CharField(label=_("Periode"), required=False, widget=forms.Select)
    evaluasi = forms.CharField(label=_("Evaluasi"), required=False, widget=forms.Select)

    def __init__(
        self,
        data: Mapping[str, Any] | None = None,
        *,
        scope: Scope | None,
        periods: list[PerformancePeriod],
        **kwargs: Any,
    ) -> None:
        initial = {PERIOD_PARAM: scope.period.pk, SCOPE_PARAM: scope.param} if scope else {}
        if data and scope is not None:
            # The picker shows the group the page shows, also when the query named none of it.
            data = {key: data.get(key) for key in data} | {
                PERIOD_PARAM: str(scope.period.pk),
                SCOPE_PARAM: scope.param,
            }
        super().__init__(data or None, initial=initial, **kwargs)
        period_choices = [(p.pk, p.name) for p in periods]
        self.fields[PERIOD_PARAM].widget.choices = period_choices
        self.fields[SCOPE_PARAM].widget.choices = scope_choices(scope.period) if scope else []
        bootstrap_widgets(self, small=True)

    def refuse(self, field: str, message: str) -> None:
        if field and self.is_bound and self.is_valid():
            self.add_error(field, message)


class AgencyFilterForm(ScopeForm):
    """The group time, and which agencies: part of the name, the kind."""

    q = forms.CharField(label=_("Nama perangkat daerah"), required=False, max_length=100)
    jenis = forms.ChoiceField(
        label=_("Jenis"), required=False, choices=[("", "Semua"), *AgencyKind.choices]
    )


class OrganizationRatingForm(ServiceErrorsForm):
    """The Pimpinan's organisation predikat of one agency, with the units' recommendations.
    The service checks the values (the five predikat, at most 4000 characters a note)."""

    predikat = forms.CharField(
        label=_("Predikat kinerja organisasi"),
        required=False,
        widget=forms.Select(choices=[("", "Pilih predikat"), *OrganizationPredikat.choices()]),
    )
    planning_note = forms.CharField(
        label=_("Rekomendasi unit perencanaan"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    hr_note = forms.CharField(
        label=_("Rekomendasi unit kepegawaian"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    audit_note = forms.CharField(
        label=_("Rekomendasi unit pengawasan"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
