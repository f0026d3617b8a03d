"""API of objections under /api/v1/objections/: the employee's own objections (list, file one),
the queue of the actor as appraiser and as decider, one objection, and the steps (explanation,
answer, decision, withdrawal).

The same selectors, rules and services as the pages: an objection the actor may not see is 404,
a refusal is the services' sentence in the JSON shape of `kinerja.core.api_errors`. Filing takes
multipart (`files` may repeat) or JSON without files."""

from __future__ import annotations

from typing import Any

from django.urls import URLPattern, path
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kinerja.accounts.actors import request_actor
from kinerja.appeals.models import ObjectionSubject
from kinerja.appeals.selectors.objections import (
    BOX_MINE,
    decider_name,
    next_step,
    objection_get_for_actor,
    objection_list_for_actor,
    objection_page_for_actor,
    objection_queue_for_actor,
)
from kinerja.appeals.services.decision import objection_decide
from kinerja.appeals.services.exchange import objection_answer, objection_explain
from kinerja.appeals.services.filing import objection_file, objection_withdraw
from kinerja.core.api_pages import paginated_response
from kinerja.core.api_routing import api_operations
from kinerja.core.params import IdSerializerField
from kinerja.evaluation.selectors.common import evaluation_get_for_actor
from kinerja.people.holdings import employee_id_for_user, today
from kinerja.scoring.ratings import Rating

TEXT_LIMIT = 20000
"""Far above the rule's own limit, so that the service's sentence (naming the length) refuses."""

# --- output ---------------------------------------------------------------------------------


class ObjectionStepOutputSerializer(serializers.Serializer[Any]):
    code = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]
    who = serializers.CharField()
    due = serializers.DateField()
    done_at = serializers.DateTimeField(allow_null=True)
    overdue = serializers.BooleanField()


class ObjectionOutputSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField(source="pk")
    evaluation_id = serializers.IntegerField()
    employee_name = serializers.CharField(source="employee.full_name")
    agency_name = serializers.CharField(source="agency.name")
    subject = serializers.CharField()
    subject_label = serializers.CharField(source="get_subject_display")
    state = serializers.CharField()
    state_label = serializers.CharField(source="get_state_display")
    filed_at = serializers.DateTimeField()
    deadline = serializers.DateField()
    appraiser_name = serializers.CharField(source="appraiser.full_name", allow_null=True)
    decider_name = serializers.SerializerMethodField()
    next_step = serializers.SerializerMethodField()

    def get_decider_name(self, objection: Any) -> str:
        return decider_name(objection)

    @extend_schema_field(ObjectionStepOutputSerializer(allow_null=True))
    def get_next_step(self, objection: Any) -> dict[str, Any] | None:
        step = next_step(objection, day=today())
        return ObjectionStepOutputSerializer(step).data if step is not None else None


class ObjectionAttachmentOutputSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField(source="pk")
    original_name = serializers.CharField()
    content_type = serializers.CharField()
    size = serializers.IntegerField()
    sha256 = serializers.CharField()


class ObjectionDetailOutputSerializer(ObjectionOutputSerializer):
    statement = serializers.CharField()
    requested = serializers.CharField()
    decider_note = serializers.CharField()
    explanation = serializers.CharField()
    explained_at = serializers.DateTimeField(allow_null=True)
    answer = serializers.CharField()
    answered_at = serializers.DateTimeField(allow_null=True)
    decision_reason = serializers.CharField()
    decided_at = serializers.DateTimeField(allow_null=True)
    results_before = serializers.CharField()
    behavior_before = serializers.CharField()
    predikat_before = serializers.CharField()
    results_after = serializers.CharField()
    behavior_after = serializers.CharField()
    predikat_after = serializers.CharField()
    withdrawn_at = serializers.DateTimeField(allow_null=True)
    withdrawn_reason = serializers.CharField()
    attachments = ObjectionAttachmentOutputSerializer(many=True, source="attachments.all")
    steps = serializers.SerializerMethodField()
    may_explain = serializers.SerializerMethodField()
    may_answer = serializers.SerializerMethodField()
    may_decide = serializers.SerializerMethodField()
    may_withdraw = serializers.SerializerMethodField()

    def _page(self) -> Any:
        return self.context["page"]

    @extend_schema_field(ObjectionStepOutputSerializer(many=True))
    def get_steps(self, objection: Any) -> Any:
        return ObjectionStepOutputSerializer(self._page().steps, many=True).data

    def get_may_explain(self, objection: Any) -> bool:
        return bool(self._page().may_explain)

    def get_may_answer(self, objection: Any) -> bool:
        return bool(self._page().may_answer)

    def get_may_decide(self, objection: Any) -> bool:
        page = self._page()
        return bool(page.may_decide and not page.decide_refusal)

    def get_may_withdraw(self, objection: Any) -> bool:
        return bool(self._page().may_withdraw)


# --- input ----------------------------------------------------------------------------------


def _not_text(label: str) -> dict[str, Any]:
    """DRF's own "Not a valid string." (a list or an object sent) is not translated."""
    return {"invalid": f"{label} harus berupa teks, bukan daftar atau objek."}


def _text(label: str, help_text: str) -> serializers.CharField:
    # Emptiness and length are the service's rule: its sentence names the field and the count.
    return serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=TEXT_LIMIT,
        trim_whitespace=True,
        help_text=help_text,
        error_messages=_not_text(label),
    )


class ObjectionFileInputSerializer(serializers.Serializer[Any]):
    evaluation_id = IdSerializerField(help_text="Penilaian yang diajukan keberatan (milik Anda).")
    subject = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=40,
        error_messages=_not_text("Yang diajukan keberatan"),
        help_text="Yang diajukan keberatan: "
        + ", ".join(f"{value} ({label})" for value, label in ObjectionSubject.choices),
    )
    statement = _text("Alasan keberatan", "Alasan keberatan (paling sedikit 20 karakter).")
    requested = _text("Hasil yang diminta", "Hasil yang diminta (tidak wajib).")
    files = serializers.ListField(
        child=serializers.FileField(allow_empty_file=True),
        required=False,
        default=list,
        help_text="Lampiran (multipart; boleh berulang), paling banyak 5 berkas.",
    )


class ObjectionExplainInputSerializer(serializers.Serializer[Any]):
    explanation = _text("Penjelasan pejabat penilai", "Penjelasan pejabat penilai.")


class ObjectionAnswerInputSerializer(serializers.Serializer[Any]):
    answer = _text("Tanggapan pegawai", "Tanggapan pegawai atas penjelasan.")


class ObjectionDecideInputSerializer(serializers.Serializer[Any]):
    accepted = serializers.BooleanField(
        help_text="true: keberatan diterima (rating diubah); false: ditolak.",
        error_messages={
            "invalid": "Isian “accepted” harus true atau false.",
            "required": "Isian “accepted” wajib: true (terima) atau false (tolak).",
        },
    )
    decision_reason = _text("Pertimbangan keputusan", "Pertimbangan keputusan (wajib).")
    results_rating = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=40,
        error_messages=_not_text("Rating hasil kerja baru"),
        help_text="Bila diterima: rating hasil kerja baru ("
        + ", ".join(rating.value for rating in Rating)
        + "), kosong bila tidak berubah.",
    )
    behavior_rating = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=40,
        error_messages=_not_text("Rating perilaku kerja baru"),
        help_text="Bila diterima: rating perilaku kerja baru, kosong bila tidak berubah.",
    )


class ObjectionWithdrawInputSerializer(serializers.Serializer[Any]):
    reason = _text("Alasan pencabutan", "Alasan pencabutan (tidak wajib).")


# --- views ----------------------------------------------------------------------------------


def _detail(request: Request, objection_id: int, *, code: int = status.HTTP_200_OK) -> Response:
    page = objection_page_for_actor(actor=request_actor(request), objection_id=objection_id)
    body = ObjectionDetailOutputSerializer(page.objection, context={"page": page}).data
    return Response(body, status=code)


def _list(request: Request, view: APIView, objections: Any) -> Response:
    return paginated_response(
        request, view, objections, lambda page: ObjectionOutputSerializer(page, many=True).data
    )


class ObjectionListApi(APIView):
    """My own objections (as the rated employee), open ones first then the newest."""

    @extend_schema(
        responses=ObjectionOutputSerializer(many=True),
        summary="Keberatan saya",
        operation_id="v1_objections_list",
    )
    def get(self, request: Request) -> Response:
        actor = request_actor(request)
        objections: Any = []  # an account without an employee record has none of its own
        if employee_id_for_user(actor) is not None:
            objections = objection_list_for_actor(actor=actor, box=BOX_MINE)
        return _list(request, self, objections)


class ObjectionFileApi(APIView):
    """File an objection against one of my acknowledged evaluations, within 14 calendar days
    of receiving it (PP 30/2019 Pasal 59)."""

    parser_classes = [MultiPartParser, FormParser, JSONParser]

    @extend_schema(
        request={
            "multipart/form-data": ObjectionFileInputSerializer,
            "application/json": ObjectionFileInputSerializer,
        },
        responses={201: ObjectionDetailOutputSerializer},
        summary="Ajukan keberatan atas hasil penilaian saya",
        operation_id="v1_objections_create",
    )
    def post(self, request: Request) -> Response:
        actor = request_actor(request)
        data: Any = request.data
        if hasattr(data, "getlist"):
            data = {key: data.get(key) for key in data} | {"files": request.FILES.getlist("files")}
        params = ObjectionFileInputSerializer(data=data)
        params.is_valid(raise_exception=True)
        values = params.validated_data
        evaluation = evaluation_get_for_actor(actor=actor, evaluation_id=values["evaluation_id"])
        objection = objection_file(
            actor=actor,
            evaluation=evaluation,
            subject=values["subject"],
            statement=values["statement"],
            requested=values["requested"],
            files=values["files"],
        )
        return _detail(request, objection.pk, code=status.HTTP_201_CREATED)


class ObjectionQueueApi(APIView):
    """The open objections waiting for me: to explain (as the appraiser) and to decide (as the
    appraiser's superior, or Pimpinan for the Wali Kota's office), oldest first."""

    @extend_schema(
        responses=ObjectionOutputSerializer(many=True),
        summary="Keberatan yang menunggu penjelasan atau keputusan saya",
        operation_id="v1_objections_queue",
    )
    def get(self, request: Request) -> Response:
        return _list(request, self, objection_queue_for_actor(actor=request_actor(request)))


class ObjectionDetailApi(APIView):
    """One objection with its record and whose turn it is (404 for anyone who may not see it)."""

    @extend_schema(
        responses=ObjectionDetailOutputSerializer,
        summary="Satu keberatan",
        operation_id="v1_objections_retrieve",
    )
    def get(self, request: Request, objection_id: int) -> Response:
        return _detail(request, objection_id)


class ObjectionExplainApi(APIView):
    """The appraiser's explanation (once, while the objection is Diajukan)."""

    @extend_schema(
        request=ObjectionExplainInputSerializer,
        responses=ObjectionDetailOutputSerializer,
        summary="Beri penjelasan pejabat penilai",
    )
    def post(self, request: Request, objection_id: int) -> Response:
        actor = request_actor(request)
        objection = objection_get_for_actor(actor=actor, objection_id=objection_id)
        params = ObjectionExplainInputSerializer(data=request.data)
        params.is_valid(raise_exception=True)
        objection_explain(
            actor=actor, objection=objection, explanation=params.validated_data["explanation"]
        )
        return _detail(request, objection_id)


class ObjectionAnswerApi(APIView):
    """The employee's answer to the explanation (once, optional)."""

    @extend_schema(
        request=ObjectionAnswerInputSerializer,
        responses=ObjectionDetailOutputSerializer,
        summary="Tanggapi penjelasan pejabat penilai",
    )
    def post(self, request: Request, objection_id: int) -> Response:
        actor = request_actor(request)
        objection = objection_get_for_actor(actor=actor, objection_id=objection_id)
        params = ObjectionAnswerInputSerializer(data=request.data)
        params.is_valid(raise_exception=True)
        objection_answer(actor=actor, objection=objection, answer=params.validated_data["answer"])
        return _detail(request, objection_id)


class ObjectionDecideApi(APIView):
    """The decision of the appraiser's superior: accept (with new ratings; the predikat is
    recomputed) or reject, with the consideration. Final."""

    @extend_schema(
        request=ObjectionDecideInputSerializer,
        responses=ObjectionDetailOutputSerializer,
        summary="Putuskan keberatan",
    )
    def post(self, request: Request, objection_id: int) -> Response:
        actor = request_actor(request)
        objection = objection_get_for_actor(actor=actor, objection_id=objection_id)
        params = ObjectionDecideInputSerializer(data=request.data)
        params.is_valid(raise_exception=True)
        values = params.validated_data
        objection_decide(
            actor=actor,
            objection=objection,
            accepted=values["accepted"],
            reason=values["decision_reason"],
            results_rating=values["results_rating"] if values["accepted"] else "",
            behavior_rating=values["behavior_rating"] if values["accepted"] else "",
        )
        return _detail(request, objection_id)


class ObjectionWithdrawApi(APIView):
    """The employee withdraws an open objection."""

    @extend_schema(
        request=ObjectionWithdrawInputSerializer,
        responses=ObjectionDetailOutputSerializer,
        summary="Cabut keberatan saya",
    )
    def post(self, request: Request, objection_id: int) -> Response:
        actor = request_actor(request)
        objection = objection_get_for_actor(actor=actor, objection_id=objection_id)
        params = ObjectionWithdrawInputSerializer(data=request.data)
        params.is_valid(raise_exception=True)
        objection_withdraw(actor=actor, objection=objection, reason=params.validated_data["reason"])
        return _detail(request, objection_id)


urlpatterns: list[URLPattern] = [
    path(
        "objections/",
        api_operations(get=ObjectionListApi, post=ObjectionFileApi).as_view(),
        name="appeals-objections",
    ),
    path("objections/queue/", ObjectionQueueApi.as_view(), name="appeals-objection-queue"),
    path(
        "objections/<id:objection_id>/",
        ObjectionDetailApi.as_view(),
        name="appeals-objection",
    ),
    path(
        "objections/<id:objection_id>/explanation/",
        ObjectionExplainApi.as_view(),
        name="appeals-objection-explanation",
    ),
    path(
        "objections/<id:objection_id>/answer/",
        ObjectionAnswerApi.as_view(),
        name="appeals-objection-answer",
    ),
    path(
        "objections/<id:objection_id>/decision/",
        ObjectionDecideApi.as_view(),
        name="appeals-objection-decision",
    ),
    path(
        "objections/<id:objection_id>/withdrawal/",
        ObjectionWithdrawApi.as_view(),
        name="appeals-objection-withdrawal",
    ),
]
