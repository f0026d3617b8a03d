"""API errors are answered in one place (kinerja.core.api_errors), the same way everywhere."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.test import Client
from rest_framework.permissions import AllowAny, IsAdminUser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.test import APIRequestFactory
from rest_framework.views import APIView

from kinerja.core.api_errors import FORBIDDEN_TEXT, NOT_FOUND_TEXT
from kinerja.core.api_routing import api_operations
from kinerja.people.testing import Personas

factory = APIRequestFactory()


def answer_of(error: Exception) -> Response:
    class Failing(APIView):
        permission_classes = [AllowAny]

        def get(self, request: Request) -> Response:
            raise error

    response: Response = Failing.as_view()(factory.get("/api/v1/uji/"))
    return response


def test_a_service_refusal_is_a_400_with_messages_per_field() -> None:
    response = answer_of(
        ValidationError({"grade": ["Golongan 'IX' tidak berlaku untuk PNS."], "__all__": ["X"]})
    )
    assert response.status_code == 400
    assert response.data == {
        "grade": ["Golongan 'IX' tidak berlaku untuk PNS."],
        "non_field_errors": ["X"],
    }


def test_a_refusal_without_a_field_is_listed_under_non_field_errors() -> None:
    response = answer_of(ValidationError("Periode sudah ditutup."))
    assert response.status_code == 400
    assert response.data == {"non_field_errors": ["Periode sudah ditutup."]}


def test_permission_denied_is_a_403_with_its_own_reason_or_the_page_text() -> None:
    response = answer_of(PermissionDenied("Hanya admin BKPSDM."))
    assert response.status_code == 403
    assert response.data == {"detail": "Hanya admin BKPSDM."}
    assert answer_of(PermissionDenied()).data == {"detail": FORBIDDEN_TEXT}


def test_not_found_is_a_404_with_the_page_text_revealing_nothing() -> None:
    response = answer_of(Http404("Pegawai 42 milik Dinas X"))
    assert response.status_code == 404
    assert response.data == {"detail": NOT_FOUND_TEXT}


def test_error_answers_are_never_cached() -> None:
    assert answer_of(Http404()).get("Cache-Control") == "no-store"


@pytest.mark.django_db
def test_api_and_pages_say_the_same_sentences_for_403_and_404(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.employee)
    page_403 = client.get("/pegawai/")
    assert page_403.status_code == 403
    assert FORBIDDEN_TEXT in page_403.content.decode()
    page_404 = client.get("/tidak-ada/")
    assert page_404.status_code == 404
    assert NOT_FOUND_TEXT in page_404.content.decode()
    api_404 = client.get("/api/v1/employees/999999/")
    assert api_404.status_code == 404
    assert api_404.json() == {"detail": NOT_FOUND_TEXT}


def test_each_operation_on_one_url_is_checked_with_its_own_rights() -> None:
    class ListApi(APIView):
        permission_classes = [AllowAny]

        def get(self, request: Request) -> Response:
            return Response([])

    class CreateApi(APIView):
        permission_classes = [IsAdminUser]

        def post(self, request: Request) -> Response:
            return Response({}, status=201)

    view: Any = api_operations(get=ListApi, post=CreateApi).as_view()
    assert view(factory.get("/x/")).status_code == 200
    # Anonymous, so refused as unauthenticated: 401 (token authentication comes first and
    # names its scheme in WWW-Authenticate).
    assert view(factory.post("/x/")).status_code == 401
    assert view(factory.put("/x/")).status_code == 401  # no operation: default rights first
