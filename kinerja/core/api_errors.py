"""API errors in one place: the DRF exception handler set in `REST_FRAMEWORK`.

API views do not catch errors themselves. Whatever a serializer, selector or service raises
becomes the same answer everywhere:
- a validation error (DRF's, or Django's from a service) → 400 with messages per field
  (`message_dict`; errors not tied to a field under `non_field_errors`);
- PermissionDenied → 403 with the refusal's own message, else the text of the 403 page;
- Http404 → 404 with the text of the 404 page (it says nothing about what exists).
Every error answer is `Cache-Control: no-store`.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler

# The same sentences as templates/403.html and templates/404.html (a test holds them equal).
FORBIDDEN_TEXT = "Anda tidak berwenang membuka halaman ini atau melakukan tindakan ini."
NOT_FOUND_TEXT = (
    "Halaman yang Anda cari tidak ada, sudah dipindahkan, atau tidak tersedia untuk akun Anda."
)


def field_errors(error: DjangoValidationError) -> dict[str, list[str]]:
    """A Django ValidationError as DRF's {field: [messages]}."""
    if hasattr(error, "error_dict"):
        errors = {
            (api_settings.NON_FIELD_ERRORS_KEY if field == NON_FIELD_ERRORS else field): messages
            for field, messages in error.message_dict.items()
        }
    else:
        errors = {api_settings.NON_FIELD_ERRORS_KEY: list(error.messages)}
    return errors


def _as_api_exception(exc: Exception) -> Exception:
    if isinstance(exc, DjangoValidationError):
        return exceptions.ValidationError(field_errors(exc))
    if isinstance(exc, Http404):
        return exceptions.NotFound(NOT_FOUND_TEXT)
    if isinstance(exc, DjangoPermissionDenied):
        return exceptions.PermissionDenied(str(exc) or FORBIDDEN_TEXT)
    return exc


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    response = exception_handler(_as_api_exception(exc), context)
    if response is not None:
        response["Cache-Control"] = "no-store"
    return response
