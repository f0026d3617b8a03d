"""Public API: the survey form (questions and a one-time token) and the submission, with the
same protections as the public page (`services.responses.response_submit`).

No login and no authentication classes: a citizen's app (or a partner's kiosk) reads the form,
then posts the answers with the token within its lifetime. Refusals answer 400 in the house
shape (`kinerja/core/api_errors.py`), 429 for the rate limit; a filled honeypot answers 201 like
a success and stores nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.urls import path
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kinerja.core.middleware import client_ip_from
from kinerja.surveys.models import (
    AGE_MAX,
    AGE_MIN,
    SUGGESTION_MAX_CHARS,
    Channel,
    Education,
    Occupation,
    RefusalReason,
    RespondentGender,
)
from kinerja.surveys.protection import SubmissionRefused, form_token_issue
from kinerja.surveys.questions import questions
from kinerja.surveys.selectors import service_unit_public_get
from kinerja.surveys.services.responses import CLOSED_MESSAGE, response_submit, unit_services

SUBMITTED_FIELDS = (
    "token",
    "website",
    "service",
    *(q.field for q in questions()),
    "gender",
    "age",
    "education",
    "occupation",
    "suggestion",
)


class ChoiceOutputSerializer(serializers.Serializer[Any]):
    value = serializers.CharField()
    text = serializers.CharField()


class AnswerOutputSerializer(serializers.Serializer[Any]):
    value = serializers.IntegerField()
    text = serializers.CharField()


class QuestionOutputSerializer(serializers.Serializer[Any]):
    field = serializers.CharField(help_text="Nama isian jawaban: u1 … u9.")
    code = serializers.CharField(help_text="Kode unsur: U1 … U9.")
    name = serializers.CharField()
    question = serializers.CharField()
    answers = AnswerOutputSerializer(many=True)


class ServiceOutputSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    name = serializers.CharField()


class ProfileOutputSerializer(serializers.Serializer[Any]):
    gender = ChoiceOutputSerializer(many=True)
    education = ChoiceOutputSerializer(many=True)
    occupation = ChoiceOutputSerializer(many=True)
    age_min = serializers.IntegerField()
    age_max = serializers.IntegerField()


class SurveyFormOutputSerializer(serializers.Serializer[Any]):
    service_unit = serializers.CharField(help_text="Nama unit layanan.")
    slug = serializers.CharField()
    is_open = serializers.BooleanField(help_text="False: survei unit ini sedang tidak dibuka.")
    token = serializers.CharField(
        allow_null=True, help_text="Token sekali pakai; kirim kembali bersama jawaban."
    )
    token_max_age_seconds = serializers.IntegerField()
    min_fill_seconds = serializers.IntegerField()
    services = ServiceOutputSerializer(many=True, help_text="Wajib dipilih bila tidak kosong.")
    questions = QuestionOutputSerializer(many=True)
    profile = ProfileOutputSerializer()
    suggestion_max_chars = serializers.IntegerField()


class ResponseInputSerializer(serializers.Serializer[Any]):
    """The submission, by the same names as the public form. Documentation only: the values
    are checked by the one rule of a response (`rules.response_clean`), whose messages the
    400 answer carries."""

    token = serializers.CharField(max_length=500)
    website = serializers.CharField(
        max_length=200, required=False, allow_blank=True, help_text="Biarkan kosong."
    )
    service = serializers.CharField(
        max_length=200, required=False, help_text="Id atau nama layanan yang diterima."
    )
    u1 = serializers.IntegerField(min_value=1, max_value=4)
    u2 = serializers.IntegerField(min_value=1, max_value=4)
    u3 = serializers.IntegerField(min_value=1, max_value=4)
    u4 = serializers.IntegerField(min_value=1, max_value=4)
    u5 = serializers.IntegerField(min_value=1, max_value=4)
    u6 = serializers.IntegerField(min_value=1, max_value=4)
    u7 = serializers.IntegerField(min_value=1, max_value=4)
    u8 = serializers.IntegerField(min_value=1, max_value=4)
    u9 = serializers.IntegerField(min_value=1, max_value=4)
    gender = serializers.ChoiceField(choices=RespondentGender.choices, required=False)
    age = serializers.IntegerField(min_value=AGE_MIN, max_value=AGE_MAX, required=False)
    education = serializers.ChoiceField(choices=Education.choices, required=False)
    occupation = serializers.ChoiceField(choices=Occupation.choices, required=False)
    suggestion = serializers.CharField(
        max_length=SUGGESTION_MAX_CHARS, required=False, allow_blank=True
    )


class ReceivedOutputSerializer(serializers.Serializer[Any]):
    received = serializers.BooleanField()


def _choices(kind: Any) -> list[dict[str, str]]:
    return [{"value": str(value), "text": str(label)} for value, label in kind.choices]


class SurveyFormApi(APIView):
    """The survey form of a service unit: questions, answers, services, profile choices and a
    fresh one-time token."""

    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]

    @extend_schema(responses=SurveyFormOutputSerializer, summary="Formulir survei unit layanan")
    def get(self, request: Request, slug: str) -> Response:
        unit = service_unit_public_get(slug=slug)
        data = {
            "service_unit": unit.name,
            "slug": unit.slug,
            "is_open": unit.is_active,
            "token": form_token_issue(service_unit_id=unit.pk) if unit.is_active else None,
            "token_max_age_seconds": settings.SKM_TOKEN_MAX_AGE_SECONDS,
            "min_fill_seconds": settings.SKM_MIN_FILL_SECONDS,
            "services": [{"id": pk, "name": name} for pk, name in unit_services(unit).items()],
            "questions": [
                {
                    "field": q.field,
                    "code": str(q.element),
                    "name": q.name,
                    "question": q.question,
                    "answers": [
                        {"value": n, "text": label} for n, label in enumerate(q.labels, start=1)
                    ],
                }
                for q in questions()
            ],
            "profile": {
                "gender": _choices(RespondentGender),
                "education": _choices(Education),
                "occupation": _choices(Occupation),
                "age_min": AGE_MIN,
                "age_max": AGE_MAX,
            },
            "suggestion_max_chars": SUGGESTION_MAX_CHARS,
        }
        response = Response(SurveyFormOutputSerializer(data).data)
        response["Cache-Control"] = "no-store"
        return response


class ResponseSubmitApi(APIView):
    """Send one citizen's answers with the token of the form. The same protections as the
    public page: one-time token, minimum fill time, honeypot, rate limit per client address,
    duplicate detection."""

    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]

    @extend_schema(
        request=ResponseInputSerializer,
        responses={
            201: ReceivedOutputSerializer,
            400: OpenApiResponse(
                description="Isian tidak sah (pesan per isian) atau token ditolak (isian token)."
            ),
            404: OpenApiResponse(description="Unit layanan tidak ditemukan."),
            429: OpenApiResponse(description="Terlalu banyak kiriman dari alamat ini."),
        },
        summary="Kirim jawaban survei",
    )
    def post(self, request: Request, slug: str) -> Response:
        unit = service_unit_public_get(slug=slug)
        if not unit.is_active:
            raise ValidationError({NON_FIELD_ERRORS: [CLOSED_MESSAGE]})
        body = request.data if isinstance(request.data, Mapping) else {}
        fields = {name: body.get(name) for name in SUBMITTED_FIELDS}
        try:
            response_submit(
                service_unit=unit,
                fields=fields,
                channel=Channel.API,
                client_ip=client_ip_from(request),
            )
        except SubmissionRefused as refusal:
            if refusal.reason == RefusalReason.RATE_LIMIT:
                raise exceptions.Throttled(
                    wait=settings.SKM_RATE_WINDOW_SECONDS, detail=refusal.message
                ) from refusal
            field = "token" if refusal.reason != RefusalReason.DUPLICATE else NON_FIELD_ERRORS
            raise ValidationError({field: [refusal.message]}) from refusal
        return Response({"received": True}, status=status.HTTP_201_CREATED)


urlpatterns = [
    path(
        "service-units/<slug:slug>/form/",
        SurveyFormApi.as_view(),
        name="survey_public_form",
    ),
    path(
        "service-units/<slug:slug>/responses/",
        ResponseSubmitApi.as_view(),
        name="survey_public_responses",
    ),
]
