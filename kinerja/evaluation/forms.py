"""The appraiser's rating form: it parses what is chosen and typed; the services decide and
explain refusals (`add_service_errors` puts each sentence under the field it names, with the
field names of `services.evaluations`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja.evaluation.models import Evaluation
from kinerja.evaluation.selectors.evaluations import EvaluationPage
from kinerja.evaluation.services.evaluations import (
    BehaviorInput,
    ResultInput,
    behavior_field,
    behavior_note_field,
    result_field,
    result_reason_field,
)
from kinerja.planning.forms import ServiceErrorsForm
from kinerja.scoring.ratings import Rating

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise as StrOrPromise
else:
    StrOrPromise = str

SAVE = "simpan"
SET = "tetapkan"

RATING_CHOICES = [(rating.value, rating.label) for rating in Rating]


def _rating(label: StrOrPromise) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label, choices=RATING_CHOICES, required=False, widget=forms.RadioSelect
    )


def _text(label: StrOrPromise, help_text: StrOrPromise = "", rows: int = 2) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        help_text=help_text,
        strip=True,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


REASON_HELP = _("Wajib bila rating berbeda dari saran.")


class EvaluationForm(ServiceErrorsForm):
    """One rating and reason per result, one rating and note per core value, the two overall
    ratings with their reasons and the reason for rating before the realisations close. The
    rating fields accept nothing but the three ratings; an empty choice is kept (a draft)."""

    results_rating = _rating(_("Rating hasil kerja"))
    results_reason = _text(_("Alasan rating hasil kerja"), REASON_HELP)
    behavior_rating = _rating(_("Rating perilaku kerja"))
    behavior_reason = _text(_("Alasan rating perilaku kerja"), REASON_HELP)
    early_reason = _text(
        _("Alasan menilai lebih awal"),
        _("Wajib bila penilaian ditetapkan sebelum realisasi periode ini ditutup."),
    )

    def __init__(self, *args: Any, page: EvaluationPage, **kwargs: Any) -> None:
        kwargs.setdefault("initial", self.initial_for(page))
        super().__init__(*args, **kwargs)
        self.page = page
        for row in page.results:
            name = f"RHK {row.label}"
            self.fields[result_field(row.result.pk)] = _rating(f"Rating {name}")
            self.fields[result_reason_field(row.result.pk)] = _text(
                f"Alasan rating {name} (wajib bila berbeda dari saran)"
            )
        for value in page.behaviors:
            code = value.value.code
            self.fields[behavior_field(code)] = _rating(f"Rating {value.value.name}")
            self.fields[behavior_note_field(code)] = _text(f"Catatan {value.value.name}")
        if page.evaluation.results_from_organization:
            del self.fields["results_rating"]
            del self.fields["results_reason"]
        if page.early_refusal is None:
            del self.fields["early_reason"]

    @staticmethod
    def initial_for(page: EvaluationPage) -> dict[str, Any]:
        evaluation: Evaluation = page.evaluation
        initial: dict[str, Any] = {
            "results_rating": evaluation.results_rating,
            "results_reason": evaluation.results_reason,
            "behavior_rating": evaluation.behavior_rating,
            "behavior_reason": evaluation.behavior_reason,
            "early_reason": evaluation.early_reason,
        }
        for row in page.results:
            initial[result_field(row.result.pk)] = row.row.rating
            initial[result_reason_field(row.result.pk)] = row.row.reason
        for value in page.behaviors:
            if value.row is not None:
                initial[behavior_field(value.value.code)] = value.row.rating
                initial[behavior_note_field(value.value.code)] = value.row.note
        return initial

    def result_inputs(self) -> list[ResultInput]:
        data = self.cleaned_data
        return [
            ResultInput(
                result_id=row.result.pk,
                rating=data.get(result_field(row.result.pk)) or "",
                reason=data.get(result_reason_field(row.result.pk)) or "",
            )
            for row in self.page.results
        ]

    def behavior_inputs(self) -> list[BehaviorInput]:
        data = self.cleaned_data
        return [
            BehaviorInput(
                core_value=value.value.code,
                rating=data.get(behavior_field(value.value.code)) or "",
                note=data.get(behavior_note_field(value.value.code)) or "",
            )
            for value in self.page.behaviors
        ]

    def values(self) -> dict[str, str]:
        data = self.cleaned_data
        evaluation = self.page.evaluation
        return {
            "results_rating": data.get("results_rating", evaluation.results_rating) or "",
            "results_reason": data.get("results_reason", evaluation.results_reason) or "",
            "behavior_rating": data.get("behavior_rating") or "",
            "behavior_reason": data.get("behavior_reason") or "",
            "early_reason": data.get("early_reason", evaluation.early_reason) or "",
        }


class AcknowledgeForm(forms.Form):
    """Nothing to fill: the button is the statement."""


class ScopeForm(forms.Form):
    """The group's time on /penilaian/: a period and one of its windows or the year."""

    periode = forms.ChoiceField(label=_("Periode penilaian"), required=False)
    evaluasi = forms.ChoiceField(label=_("Evaluasi"), required=False)

    def __init__(
        self,
        *args: Any,
        periods: list[tuple[str, str]],
        scopes: list[tuple[str, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        period_field = self.fields["periode"]
        scope_field = self.fields["evaluasi"]
        assert isinstance(period_field, forms.ChoiceField)
        assert isinstance(scope_field, forms.ChoiceField)
        period_field.choices = periods
        scope_field.choices = [("", "Terakhir berakhir"), *scopes]
