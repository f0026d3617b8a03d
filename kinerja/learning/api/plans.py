"""API of development plans under /api/v1/development-plans/: my plan of the current period
(with its items and my JP of the year), adding an item to it, proposing it, one plan for whoever
may see it, and recording an item's completion with its certificate (multipart).

The services decide (rights, states, values) and their refusals come back in the JSON shape of
`kinerja.core.api_errors`; a plan or item the actor may not see is 404."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.urls import URLPattern, path
from django.utils import timezone
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kinerja.accounts.actors import Actor, request_actor
from kinerja.core.params import DecimalSerializerField, IdSerializerField, ModelCharField
from kinerja.learning.models import (
    CourseKind,
    DevelopmentItem,
    DevelopmentPlan,
    ItemSource,
    TrainingCourse,
)
from kinerja.learning.permissions import can_view_development_plan
from kinerja.learning.rules import JP_TARGET
from kinerja.learning.selectors.catalogue import course_get_for_actor
from kinerja.learning.selectors.jp import jp_of_year
from kinerja.learning.services.completion import development_item_complete
from kinerja.learning.services.plans import (
    development_item_add,
    development_plan_open,
    development_plan_propose,
)
from kinerja.people.selectors import employee_for_user
from kinerja.periods.selectors import period_current

NO_EMPLOYEE = "Akun ini tidak terhubung dengan data pegawai, sehingga tidak memiliki rencana."
NO_PERIOD = "Belum ada periode penilaian yang berjalan hari ini."
NO_PLAN = "Anda belum memiliki rencana pengembangan untuk periode ini; tambahkan kegiatan dahulu."

# --- output ---------------------------------------------------------------------------------


class DevelopmentItemOutputSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField(source="pk")
    title = serializers.CharField()
    kind = serializers.CharField()
    kind_label = serializers.CharField(source="get_kind_display")
    course_id = serializers.IntegerField(allow_null=True)
    competency_id = serializers.IntegerField(allow_null=True)
    jp_planned = serializers.DecimalField(max_digits=5, decimal_places=1)
    target_date = serializers.DateField()
    source = serializers.CharField()  # type: ignore[assignment]
    source_label = serializers.CharField(source="get_source_display")
    reason = serializers.CharField()
    state = serializers.CharField()
    state_label = serializers.CharField(source="get_state_display")
    completed_on = serializers.DateField(allow_null=True)
    jp_earned = serializers.DecimalField(max_digits=5, decimal_places=1, allow_null=True)
    certificate_name = serializers.CharField(source="certificate_original_name")
    confirmed_at = serializers.DateTimeField(allow_null=True)
    reject_reason = serializers.CharField()


class DevelopmentPlanOutputSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField(source="pk")
    employee_id = serializers.IntegerField()
    employee_name = serializers.CharField(source="employee.full_name")
    period_id = serializers.IntegerField()
    period_name = serializers.CharField(source="period.name")
    agency_name = serializers.CharField(source="agency.name")
    appraiser_name = serializers.SerializerMethodField()
    state = serializers.CharField()
    state_label = serializers.CharField(source="get_state_display")
    is_coaching = serializers.BooleanField()
    return_reason = serializers.CharField()
    proposed_at = serializers.DateTimeField(allow_null=True)
    agreed_at = serializers.DateTimeField(allow_null=True)
    items = DevelopmentItemOutputSerializer(many=True, source="items.all")
    jp_year = serializers.SerializerMethodField()
    jp_target = serializers.SerializerMethodField()

    def get_appraiser_name(self, plan: DevelopmentPlan) -> str:
        return plan.appraiser.full_name if plan.appraiser else "Pimpinan"

    @extend_schema_field(serializers.DecimalField(max_digits=7, decimal_places=1))
    def get_jp_year(self, plan: DevelopmentPlan) -> str:
        """The employee's JP of this calendar year (confirmed items, every plan)."""
        year = timezone.localdate().year
        return str(jp_of_year(employee_id=plan.employee_id, year=year))

    @extend_schema_field(serializers.DecimalField(max_digits=7, decimal_places=1))
    def get_jp_target(self, plan: DevelopmentPlan) -> str:
        return str(JP_TARGET)


# --- input ----------------------------------------------------------------------------------


class DevelopmentItemAddInputSerializer(serializers.Serializer[Any]):
    course_id = IdSerializerField(
        required=False, allow_null=True, default=None,
        help_text="Pelatihan dari katalog; judul, jenis dan JP mengikuti pelatihan bila kosong.",
    )  # fmt: skip
    title = ModelCharField(
        DevelopmentItem, "title", required=False, allow_blank=True, default="",
        help_text="Kegiatan (wajib bila tanpa pelatihan katalog).",
        error_messages={"invalid": "Kegiatan harus berupa teks, bukan daftar atau objek."},
    )  # fmt: skip
    kind = serializers.ChoiceField(
        choices=CourseKind.choices, required=False, allow_blank=True, default="",
        help_text="Jenis: " + ", ".join(CourseKind.values) + ".",
        error_messages={"invalid_choice": "Jenis {input!r} tidak dikenal; pilih "
                        + ", ".join(CourseKind.values) + "."},
    )  # fmt: skip
    # Wide bounds: the service refuses a JP outside 0,5 to 200 with the sentence every
    # entrance gives (a 5-digit bound here would answer in digits, not in JP).
    jp_planned = DecimalSerializerField(
        max_digits=12, decimal_places=1, required=False, allow_null=True, default=None,
        help_text="JP direncanakan, 0,5 sampai 200.",
    )  # fmt: skip
    target_date = serializers.DateField(
        help_text="Target selesai (YYYY-MM-DD), di dalam periode.",
        error_messages={
            "required": "Target selesai wajib diisi (YYYY-MM-DD).",
            "invalid": "Target selesai harus tanggal YYYY-MM-DD.",
        },
    )
    competency_id = IdSerializerField(required=False, allow_null=True, default=None)
    reason = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=20000,
        help_text="Alasan (mis. alasan saran sistem).",
        error_messages={
            "invalid": "Alasan harus berupa teks, bukan daftar atau objek.",
            "max_length": "Alasan paling banyak {max_length} karakter.",
        },
    )  # fmt: skip


class DevelopmentItemCompleteInputSerializer(serializers.Serializer[Any]):
    completed_on = serializers.DateField(
        help_text="Tanggal selesai (YYYY-MM-DD), tidak di masa depan.",
        error_messages={
            "required": "Tanggal selesai wajib diisi (YYYY-MM-DD).",
            "invalid": "Tanggal selesai harus tanggal YYYY-MM-DD.",
        },
    )
    jp_earned = DecimalSerializerField(
        max_digits=12, decimal_places=1, help_text="JP diperoleh, 0,5 sampai 200."
    )
    certificate = serializers.FileField(
        required=False, allow_null=True, default=None, allow_empty_file=True,
        help_text="Sertifikat (PDF atau gambar); wajib kecuali coaching dan mentoring.",
    )  # fmt: skip


# --- reads ----------------------------------------------------------------------------------


def _plans() -> QuerySet[DevelopmentPlan]:
    return DevelopmentPlan.objects.select_related(
        "employee", "period", "agency", "appraiser"
    ).prefetch_related(
        Prefetch("items", queryset=DevelopmentItem.objects.order_by("target_date", "pk"))
    )


def _plan_for_actor(actor: Actor, plan_id: int) -> DevelopmentPlan:
    plan = _plans().filter(pk=plan_id).first()
    if plan is None or not can_view_development_plan(actor, plan):
        raise Http404("Rencana pengembangan tidak ditemukan.")
    return plan


def _my_plan(actor: Actor, *, create: bool) -> DevelopmentPlan:
    # About the actor's own records, so the reason may be told (not the generic 404 text).
    employee = employee_for_user(user=actor)
    if employee is None:
        raise NotFound(NO_EMPLOYEE)
    period = period_current()
    if period is None:
        raise NotFound(NO_PERIOD)
    plan = _plans().filter(employee=employee, period=period).first()
    if plan is None:
        if not create:
            raise NotFound(NO_PLAN)
        plan = development_plan_open(actor=actor, employee=employee, period=period)
    return plan


def _plan_body(plan_id: int, *, code: int = status.HTTP_200_OK) -> Response:
    plan = _plans().get(pk=plan_id)
    return Response(DevelopmentPlanOutputSerializer(plan).data, status=code)


# --- views ----------------------------------------------------------------------------------


class MyDevelopmentPlanApi(APIView):
    """My development plan of the current period with its items and my JP of the year (404
    while I have none)."""

    @extend_schema(responses=DevelopmentPlanOutputSerializer, summary="Rencana pengembangan saya")
    def get(self, request: Request) -> Response:
        plan = _my_plan(request_actor(request), create=False)
        return Response(DevelopmentPlanOutputSerializer(plan).data)


class MyDevelopmentItemAddApi(APIView):
    """Add an activity to my plan (opened if I have none yet) while it is a draft or returned."""

    @extend_schema(
        request=DevelopmentItemAddInputSerializer,
        responses={201: DevelopmentPlanOutputSerializer},
        summary="Tambah kegiatan ke rencana pengembangan saya",
    )
    def post(self, request: Request) -> Response:
        actor = request_actor(request)
        params = DevelopmentItemAddInputSerializer(data=request.data)
        params.is_valid(raise_exception=True)
        values = params.validated_data
        course: TrainingCourse | None = None
        if values["course_id"] is not None:
            try:
                course = course_get_for_actor(actor=actor, course_id=values["course_id"])
            except Http404:
                raise ValidationError(
                    {"course_id": [f"Pelatihan dengan id {values['course_id']} tidak ada di "
                                   "katalog; pilih pelatihan yang aktif."]}
                ) from None  # fmt: skip
        plan = _my_plan(actor, create=True)
        development_item_add(
            actor=actor,
            plan=plan,
            title=values["title"],
            kind=values["kind"],
            jp_planned=values["jp_planned"],
            target_date=values["target_date"],
            source=ItemSource.EMPLOYEE,
            reason=values["reason"],
            course=course,
            competency_id=values["competency_id"],
        )
        return _plan_body(plan.pk, code=status.HTTP_201_CREATED)


class MyDevelopmentPlanProposeApi(APIView):
    """Propose my plan to my appraiser (at least one activity)."""

    @extend_schema(
        request=None,
        responses=DevelopmentPlanOutputSerializer,
        summary="Ajukan rencana pengembangan saya",
    )
    def post(self, request: Request) -> Response:
        actor = request_actor(request)
        plan = _my_plan(actor, create=False)
        development_plan_propose(actor=actor, plan=plan)
        return _plan_body(plan.pk)


class DevelopmentPlanDetailApi(APIView):
    """One development plan, for whoever may see it (404 otherwise)."""

    @extend_schema(responses=DevelopmentPlanOutputSerializer, summary="Satu rencana pengembangan")
    def get(self, request: Request, plan_id: int) -> Response:
        plan = _plan_for_actor(request_actor(request), plan_id)
        return Response(DevelopmentPlanOutputSerializer(plan).data)


class DevelopmentItemCompleteApi(APIView):
    """Record that I completed an activity of my agreed plan: the date, the JP and the
    certificate (multipart); my appraiser then confirms."""

    parser_classes = [MultiPartParser, FormParser, JSONParser]

    @extend_schema(
        request={"multipart/form-data": DevelopmentItemCompleteInputSerializer},
        responses=DevelopmentPlanOutputSerializer,
        summary="Catat kegiatan pengembangan selesai",
    )
    def post(self, request: Request, plan_id: int, item_id: int) -> Response:
        actor = request_actor(request)
        plan = _plan_for_actor(actor, plan_id)
        item = next((i for i in plan.items.all() if i.pk == item_id), None)
        if item is None:
            raise Http404("Kegiatan tidak ditemukan.")
        item.plan = plan
        params = DevelopmentItemCompleteInputSerializer(data=request.data)
        params.is_valid(raise_exception=True)
        values = params.validated_data
        development_item_complete(
            actor=actor,
            item=item,
            completed_on=values["completed_on"],
            jp_earned=values["jp_earned"],
            certificate=values["certificate"],
        )
        return _plan_body(plan.pk)


urlpatterns: list[URLPattern] = [
    path("development-plans/mine/", MyDevelopmentPlanApi.as_view(), name="learning-plan-mine"),
    path(
        "development-plans/mine/items/",
        MyDevelopmentItemAddApi.as_view(),
        name="learning-plan-mine-items",
    ),
    path(
        "development-plans/mine/propose/",
        MyDevelopmentPlanProposeApi.as_view(),
        name="learning-plan-mine-propose",
    ),
    path(
        "development-plans/<id:plan_id>/", DevelopmentPlanDetailApi.as_view(), name="learning-plan"
    ),
    path(
        "development-plans/<id:plan_id>/items/<id:item_id>/completion/",
        DevelopmentItemCompleteApi.as_view(),
        name="learning-item-completion",
    ),
]
