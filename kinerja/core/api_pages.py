"""The one page-number pagination of the API (`REST_FRAMEWORK["DEFAULT_PAGINATION_CLASS"]`,
and every view that pages by hand): `?page=<n>`, PAGE_SIZE rows; a page that does not exist is
refused in Indonesian, naming what is accepted."""

from __future__ import annotations

from rest_framework.pagination import PageNumberPagination


class ApiPagination(PageNumberPagination):
    invalid_page_message = (
        "Halaman {page_number} tidak ada; isi ?page= dengan bilangan bulat dari 1 sampai "
        "jumlah halaman."
    )
