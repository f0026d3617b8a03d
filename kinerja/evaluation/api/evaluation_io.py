"""Input and output serializers of the evaluation API (separate, as everywhere)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from kinerja.core.params import IdSerializerField
from kinerja.evaluation.api.params import SCOPE_HELP, ScopeInputSerializer
from kinerja.evaluation.models import Evaluation, EvaluationState
from kinerja.evaluation.rules import REASON_MAX, Scope

RATING_HELP = "ABOVE (Di Atas Ekspektasi), MEETS (Sesuai Ekspektasi) atau BELOW (Di Bawah)."
STATE_MESSAGE = (
    "Status {input!r} tidak dikenal; pilih DRAFT (Draf), RATED (Ditetapkan) atau ACKNOWLEDGED "
    "(Diterima pegawai)."
)

# --- output ---------------------------------------------------------------------------------


class EvaluationOutputSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    plan_id = serializers.IntegerField()
    period_id = serializers.IntegerField(source="plan.period_id")
    year = serializers.IntegerField(source="plan.period.year")
    is_trial = serializers.BooleanField(source="plan.period.is_trial")
    window_id = serializers.IntegerField(allow_null=True)
    window_name = serializers.CharField(source="window.name", allow_null=True, default=None)
    kind = serializers.CharField()
    kind_label = serializers.CharField(source="get_kind_display")
    state = serializers.CharField()
    state_label = serializers.CharField(source="get_state_display")
    employee_id = serializers.IntegerField(source="plan.employee_id")
    employee_name = serializers.CharField(source="plan.employee.full_name")
    employee_nip = serializers.CharField(source="plan.employee.nip")
    position_name = serializers.CharField(source="plan.position.name")
    agency_id = serializers.IntegerField(source="plan.position.agency_id")
    agency_name = serializers.CharField(source="plan.position.agency.name")
    appraiser_id = serializers.IntegerField(allow_null=True)
    appraiser_is_mayor = serializers.BooleanField(source="plan.appraiser_is_mayor")
    results_rating = serializers.CharField()
    results_suggestion = serializers.CharField()
    behavior_rating = serializers.CharField()
    behavior_suggestion = serializers.CharField()
    predikat = serializers.CharField()
    predikat_label = serializers.CharField(source="get_predikat_display")
    rated_at = serializers.DateTimeField(allow_null=True)
    acknowledged_at = serializers.DateTimeField(allow_null=True)
    locked_at = serializers.DateTimeField(allow_null=True)


class ResultRatingOutputSerializer(serializers.Serializer[Any]):
    result_id = serializers.IntegerField()
    kind = serializers.CharField(source="result.kind")
    number = serializers.IntegerField(source="result.number")
    text = serializers.CharField(source="result.text")
    mean_achievement = serializers.DecimalField(max_digits=8, decimal_places=2, allow_null=True)
    suggestion = serializers.CharField()
    suggestion_text = serializers.CharField()
    rating = serializers.CharField()
    reason = serializers.CharField()


class BehaviorRatingOutputSerializer(serializers.Serializer[Any]):
    core_value = serializers.CharField()
    name = serializers.CharField()
    rating = serializers.CharField()
    note = serializers.CharField()


class EvaluationDetailOutputSerializer(EvaluationOutputSerializer):
    scope = serializers.CharField()
    results_suggestion_text = serializers.CharField()
    results_reason = serializers.CharField()
    results_from_organization = serializers.BooleanField()
    behavior_suggestion_text = serializers.CharField()
    behavior_reason = serializers.CharField()
    early_reason = serializers.CharField()
    result_ratings = ResultRatingOutputSerializer(many=True)
    behavior_ratings = BehaviorRatingOutputSerializer(many=True)


# --- input ----------------------------------------------------------------------------------


class EvaluationListInputSerializer(ScopeInputSerializer):
    agency = IdSerializerField(required=False, help_text="ID perangkat daerah jabatan pegawai.")
    state = serializers.ChoiceField(
        choices=EvaluationState.values,
        required=False,
        error_messages={"invalid_choice": STATE_MESSAGE},
    )


class EvaluationStartInputSerializer(serializers.Serializer[Any]):
    plan = IdSerializerField(help_text="ID SKP yang dinilai.")
    evaluasi = serializers.CharField(max_length=20, help_text=SCOPE_HELP)


class ResultRatingInputSerializer(serializers.Serializer[Any]):
    result_id = IdSerializerField()
    rating = serializers.CharField(allow_blank=True, max_length=20, help_text=RATING_HELP)
    reason = serializers.CharField(
        required=False, default="", allow_blank=True, max_length=REASON_MAX
    )


class BehaviorRatingInputSerializer(serializers.Serializer[Any]):
    core_value = serializers.CharField(max_length=30)
    rating = serializers.CharField(allow_blank=True, max_length=20, help_text=RATING_HELP)
    note = serializers.CharField(required=False, default="", allow_blank=True, max_length=4000)


class EvaluationSaveInputSerializer(serializers.Serializer[Any]):
    """Whatever is left out keeps its stored value; `results` and `behaviors` change only the
    rows they name."""

    results = ResultRatingInputSerializer(many=True, required=False)
    behaviors = BehaviorRatingInputSerializer(many=True, required=False)
    results_rating = serializers.CharField(
        required=False, allow_blank=True, max_length=20, help_text=RATING_HELP
    )
    results_reason = serializers.CharField(required=False, allow_blank=True, max_length=REASON_MAX)
    behavior_rating = serializers.CharField(
        required=False, allow_blank=True, max_length=20, help_text=RATING_HELP
    )
    behavior_reason = serializers.CharField(required=False, allow_blank=True, max_length=REASON_MAX)
    early_reason = serializers.CharField(required=False, allow_blank=True, max_length=REASON_MAX)


def evaluation_detail_data(evaluation: Evaluation, names: dict[str, str]) -> dict[str, Any]:
    """The evaluation with its result and behaviour rows (`names`: core value code → name)."""
    scope = Scope(evaluation.plan.period, evaluation.window)
    results = evaluation.result_ratings.select_related("result").order_by(
        "result__kind", "result__number", "pk"
    )
    behaviors = [
        {"core_value": b.core_value, "name": names.get(b.core_value, b.core_value),
         "rating": b.rating, "note": b.note}
        for b in evaluation.behavior_ratings.order_by("pk")
    ]  # fmt: skip
    order = {code: index for index, code in enumerate(names)}
    behaviors.sort(key=lambda row: order.get(row["core_value"], len(order)))
    data = dict(EvaluationOutputSerializer(evaluation).data)
    return {
        **data,
        "scope": scope.label,
        "results_suggestion_text": evaluation.results_suggestion_text,
        "results_reason": evaluation.results_reason,
        "results_from_organization": evaluation.results_from_organization,
        "behavior_suggestion_text": evaluation.behavior_suggestion_text,
        "behavior_reason": evaluation.behavior_reason,
        "early_reason": evaluation.early_reason,
        "result_ratings": ResultRatingOutputSerializer(results, many=True).data,
        "behavior_ratings": BehaviorRatingOutputSerializer(behaviors, many=True).data,
    }
