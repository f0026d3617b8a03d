"""The one page-number pagination of the API (`REST_FRAMEWORK["DEFAULT_PAGINATION_CLASS"]`,
and every view that pages by hand): `?page=<n>`, PAGE_SIZE rows; a page that does not exist is
refused in Indonesian, naming what is accepted."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView


class ApiPagination(PageNumberPagination):
    invalid_page_message = (
        "Halaman {page_number} tidak ada; isi ?page= dengan bilangan bulat dari 1 sampai "
        "jumlah halaman."
    )


def paginated_response(
    request: Request, view: APIView, rows: Any, serialize: Callable[[list[Any]], Any]
) -> Response:
    """One page of `rows` as the API answers a list: `count`, `next`, `previous`, `results`
    (`serialize` turns the page's rows into data, e.g. `lambda page: Out(page, many=True).data`)."""
    paginator = ApiPagination()
    page = paginator.paginate_queryset(rows, request, view=view)
    return paginator.get_paginated_response(serialize(list(page or [])))
