"""What the citizens' form shows: the questions, the choices, the citizen's own answers kept
after a refusal, and the errors next to each field and in a summary at the top.

No Django form: the one rule of a response is `rules.response_clean`, called by the service;
this module only lays out the page from the posted values and the errors it raised.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import TextChoices

from kinerja.surveys.models import (
    AGE_MAX,
    AGE_MIN,
    SUGGESTION_MAX_CHARS,
    Education,
    Occupation,
    RespondentGender,
)
from kinerja.surveys.questions import questions
from kinerja.surveys.rules import PROFILE_FIELDS

FIELD_ORDER = ("service", *(q.field for q in questions()), *PROFILE_FIELDS, "suggestion")
"""The fields in the order the page shows them (the order of the error summary)."""


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    selected: bool
    id: str


@dataclass(frozen=True)
class QuestionBlock:
    field: str
    code: str
    name: str
    question: str
    choices: list[Choice]
    errors: list[str]


@dataclass(frozen=True)
class SummaryLine:
    anchor: str  # the id of the input the link focuses
    message: str


@dataclass
class FormPage:
    token: str
    services: list[Choice]
    questions: list[QuestionBlock]
    gender: list[Choice]
    education: list[Choice]
    occupation: list[Choice]
    age: str
    suggestion: str
    errors: dict[str, list[str]]
    summary: list[SummaryLine] = field(default_factory=list)
    notice: str = ""
    age_min: int = AGE_MIN
    age_max: int = AGE_MAX
    suggestion_max: int = SUGGESTION_MAX_CHARS


def _value(data: Mapping[str, Any], name: str, limit: int = 100) -> str:
    raw = data.get(name)
    return "" if raw is None else str(raw)[:limit]


def _choices(pairs: list[tuple[str, str]], selected: str, prefix: str) -> list[Choice]:
    return [
        Choice(value=value, label=label, selected=value == selected, id=f"{prefix}-{value}")
        for value, label in pairs
    ]


def _text_choices(kind: type[TextChoices]) -> list[tuple[str, str]]:
    return [(str(value), str(label)) for value, label in kind.choices]


def _anchor(name: str, page: FormPage) -> str:
    if name in {"service", "age", "education", "occupation", "suggestion"}:
        return f"f-{name}"
    if name == "gender":
        return page.gender[0].id
    for block in page.questions:
        if block.field == name:
            return block.choices[0].id
    return "formulir"


def form_page(
    *,
    token: str,
    services: Mapping[int, str],
    data: Mapping[str, Any] | None = None,
    errors: Mapping[str, list[str]] | None = None,
    notice: str = "",
) -> FormPage:
    """The form as shown: empty (`data` None), or with the citizen's values and the errors of
    a refused submission."""
    data = data or {}
    errors = dict(errors or {})
    blocks = [
        QuestionBlock(
            field=q.field,
            code=str(q.element),
            name=q.name,
            question=q.question,
            choices=_choices(
                [(str(n), label) for n, label in enumerate(q.labels, start=1)],
                _value(data, q.field, 4),
                f"f-{q.field}",
            ),
            errors=errors.get(q.field, []),
        )
        for q in questions()
    ]
    page = FormPage(
        token=token,
        services=_choices(
            [(str(pk), name) for pk, name in services.items()],
            _value(data, "service", 20),
            "f-service",
        ),
        questions=blocks,
        gender=_choices(_text_choices(RespondentGender), _value(data, "gender", 4), "f-gender"),
        education=_choices(_text_choices(Education), _value(data, "education", 10), "f-edu"),
        occupation=_choices(_text_choices(Occupation), _value(data, "occupation", 12), "f-job"),
        age=_value(data, "age", 3),
        suggestion=_value(data, "suggestion", SUGGESTION_MAX_CHARS + 500),
        errors=errors,
        notice=notice,
    )
    page.summary = [
        SummaryLine(anchor=_anchor(name, page), message=message)
        for name in (*FIELD_ORDER, *(n for n in errors if n not in FIELD_ORDER))
        for message in errors.get(name, [])
    ]
    return page
