"""No entrance answers 500 to hostile input: every URL pattern, every form and API filter.

The URL patterns are discovered from the resolver, so pages and API endpoints that other
branches add later are walked too. Each path parameter is replaced by an oversized integer, a
non-integer and an over-long string; each query/form field name found on the page (and each
query parameter of the OpenAPI schema) gets the same values, by GET and by POST, as several
personas. Any answer below 500 is acceptable: 400, 403, 404, a redirect or the page with
field errors.

Django's own admin (`admin-django/`) is not walked: it is staff-only Django code whose object
ids are parsed by Django itself, and its ~100 routes would double the run time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern
from drf_spectacular.generators import SchemaGenerator

from kinerja.core.jobs import job_create
from kinerja.core.params import DB_ID_MAX
from kinerja.people.models import Assignment
from kinerja.people.testing import Personas

OVERSIZED_INT = str(DB_ID_MAX * 1000 + 7)  # past PostgreSQL bigint and SQLite INTEGER
NOT_AN_INT = "satu"
OVER_LONG = "x" * 5000
HOSTILE = [OVERSIZED_INT, NOT_AN_INT, OVER_LONG]
HOSTILE_IN_PATH = [*HOSTILE, "-1", "0"]
SKIPPED_PREFIXES = ("admin-django/",)
GENERIC_QUERY_NAMES = {"halaman", "page", "page_size", "q", "id"}
_PARAM = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")
_FIELD_NAME = re.compile(r'\bname="([^"]+)"')


@dataclass(frozen=True)
class Route:
    template: str  # e.g. "pegawai/<id:employee_id>/mutasi/"
    name: str

    def params(self) -> list[str]:
        return [m["name"] for m in _PARAM.finditer(self.template)]

    def fill(self, values: dict[str, str], default: str) -> str:
        return "/" + _PARAM.sub(lambda m: values.get(m["name"], default), self.template)


def routes_from_resolver() -> list[Route]:
    def walk(patterns: list[Any], prefix: str, namespace: str) -> Iterator[Route]:
        for entry in patterns:
            pattern = entry.pattern
            if not isinstance(pattern, RoutePattern):
                continue  # regex routes belong to Django's admin and static helpers
            route = prefix + str(pattern)
            if isinstance(entry, URLResolver):
                inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
                yield from walk(entry.url_patterns, route, inner)
            elif isinstance(entry, URLPattern):
                yield Route(template=route, name=f"{namespace}{entry.name or ''}")

    found = [
        r
        for r in walk(get_resolver().url_patterns, "", "")
        if not r.template.startswith(SKIPPED_PREFIXES)
    ]
    return sorted(set(found), key=lambda r: r.template)


def api_query_names() -> dict[str, set[str]]:
    """Query parameters per API path, as the OpenAPI schema documents them."""
    generator = SchemaGenerator()  # type: ignore[no-untyped-call]
    schema = generator.get_schema(request=None, public=True)  # type: ignore[no-untyped-call]
    names: dict[str, set[str]] = {}
    for path, operations in schema["paths"].items():
        route = re.sub(r"\{[^}]+\}", "{}", path)
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "query":
                    names.setdefault(route, set()).add(parameter["name"])
    return names


@pytest.fixture
def real_ids(personas: Personas) -> dict[str, str]:
    """Ids of rows that exist, so that a detail page is reached and its forms are walked."""
    employee = personas.staff.employee
    position = personas.staff.staff_post
    assignment = Assignment.objects.get(employee=employee, position=position)
    job = job_create(owner=personas.hr_admin, kind="uji", title="Uji")
    return {
        "agency_id": str(personas.agency.pk),
        "employee_id": str(employee.pk),
        "assignment_id": str(assignment.pk),
        "position_id": str(position.pk),
        "job_id": str(job.pk),
    }


def test_the_walk_finds_the_pages_and_the_api() -> None:
    templates = {r.template for r in routes_from_resolver()}
    assert "pegawai/<id:employee_id>/" in templates
    assert "api/v1/employees/" in templates
    assert "api/v1/agencies/<id:agency_id>/units/" in templates
    assert "q" in api_query_names()["/api/v1/employees/"]


def test_no_route_uses_the_unbounded_int_converter() -> None:
    unbounded = [r.template for r in routes_from_resolver() if "<int:" in r.template]
    assert unbounded == [], "use <id:...> (kinerja.core.params.IdConverter) for integer ids"


def _assert_no_server_error(response: Any, method: str, url: str, data: Any = None) -> None:
    assert response.status_code < 500, f"{method} {url[:200]} {str(data)[:200]}"


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["hr_admin", "agency_admin", "employee", "anonymous"])
def test_hostile_path_query_and_form_values_never_cause_a_server_error(
    personas: Personas, real_ids: dict[str, str], persona: str
) -> None:
    client = Client(raise_request_exception=False)
    user = None if persona == "anonymous" else personas.all()[persona]

    def login() -> None:
        if user is not None:
            client.force_login(user)

    login()
    api_names = api_query_names()
    for route in routes_from_resolver():
        # 1. Hostile path parameters.
        if route.params():
            for value in HOSTILE_IN_PATH:
                url = route.fill({}, value)
                _assert_no_server_error(client.get(url), "GET", url)
                _assert_no_server_error(client.post(url, {}), "POST", url)
                login()
        # 2. Hostile query and form values on the page reached with real ids.
        url = route.fill(real_ids, "1")
        page = client.get(url)
        _assert_no_server_error(page, "GET", url)
        names = set(GENERIC_QUERY_NAMES)
        if page.status_code == 200 and "html" in page.get("Content-Type", ""):
            names |= set(_FIELD_NAME.findall(page.content.decode()))
        names |= api_names.get(re.sub(r"/\d+/", "/{}/", url), set())
        names.discard("csrfmiddlewaretoken")
        for value in HOSTILE:
            for name in sorted(names):
                _assert_no_server_error(client.get(url, {name: value}), "GET", url, {name: value})
            data = dict.fromkeys(names, value)
            _assert_no_server_error(client.post(url, data), "POST", url, data)
            login()
