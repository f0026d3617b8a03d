"""The one rule for what a survey response may contain, called by every entrance: the public
form, the kiosk, the public API and the paper import. Each says the same sentence for the same
mistake, naming the field, the value and what is accepted.

`response_clean` takes raw values (text from a form or a spreadsheet cell, or numbers from
JSON) and gives the values to store, or raises ValidationError({field: [message]}).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import TextChoices
from django.utils.translation import get_language

from kinerja.scoring.ikm import Element
from kinerja.surveys.models import (
    AGE_MAX,
    AGE_MIN,
    ELEMENT_FIELDS,
    SUGGESTION_MAX_CHARS,
    Education,
    Occupation,
    RespondentGender,
)

PROFILE_FIELDS = ("gender", "age", "education", "occupation")


@dataclass(frozen=True)
class CleanResponse:
    answers: dict[str, int | None]  # "u1" … "u9"
    gender: str
    age: int | None
    education: str
    occupation: str
    service_id: int | None
    suggestion: str

    def fields(self) -> dict[str, Any]:
        """Keyword arguments for SurveyResponse(...)."""
        return {
            **self.answers,
            "gender": self.gender,
            "age": self.age,
            "education": self.education,
            "occupation": self.occupation,
            "service_id": self.service_id,
            "suggestion": self.suggestion,
        }


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _element(field: str) -> Element:
    return Element(field.upper())


def answer_parse(field: str, raw: Any) -> int | None:
    """An answer 1-4 from "3", 3 or 3.0; None when blank; ValueError with the sentence."""
    text = _text(raw)
    if text == "":
        return None
    if text.endswith(".0"):
        text = text[:-2]
    if text in {"1", "2", "3", "4"}:
        return int(text)
    element = _element(field)
    raise ValueError(
        f"Jawaban {element} ({element.label}) '{text[:20]}' di luar skala; isi 1, 2, 3 atau 4."
    )


def _choice_key(text: str) -> str:
    return "".join(char for char in text.casefold() if char.isalnum())


@cache
def _choice_keys(choices: type[TextChoices], language: str | None) -> dict[str, str]:
    """Every accepted spelling key of a choice (its code and its label) → its code."""
    keys: dict[str, str] = {}
    for value, name in choices.choices:
        keys[_choice_key(str(name))] = str(value)
        keys[_choice_key(str(value))] = str(value)
    return keys


def choice_parse(choices: type[TextChoices], raw: Any, label: str) -> str:
    """A profile choice by its code or its label, ignoring case and punctuation ("sma/smk",
    "SMA", "Laki-laki", "L"); "" when blank; ValueError naming what is accepted."""
    text = _text(raw)
    if text == "":
        return ""
    found = _choice_keys(choices, get_language()).get(_choice_key(text))
    if found is not None:
        return found
    accepted = ", ".join(str(name) for _, name in choices.choices)
    raise ValueError(f"{label} '{text[:40]}' tidak dikenal; pilih salah satu: {accepted}.")


def age_parse(raw: Any) -> int | None:
    text = _text(raw)
    if text == "":
        return None
    if text.endswith(".0"):
        text = text[:-2]
    if not text.isdigit() or not AGE_MIN <= int(text) <= AGE_MAX:
        raise ValueError(
            f"Usia '{text[:20]}' tidak sah; isi bilangan bulat tahun antara {AGE_MIN} dan "
            f"{AGE_MAX}."
        )
    return int(text)


def response_clean(
    raw: Mapping[str, Any],
    *,
    services: Mapping[int, str],
    require_all_answers: bool,
) -> CleanResponse:
    """Check and convert one response. `services` are the unit's active services by id (a
    service is required when the unit has any; accepted by id or by name); the public form
    and API need all nine answers, a paper form at least one."""
    errors: dict[str, list[str]] = {}
    answers: dict[str, int | None] = {}
    for field in ELEMENT_FIELDS:
        try:
            answers[field] = answer_parse(field, raw.get(field))
        except ValueError as error:
            errors[field] = [str(error)]
            continue
        if answers[field] is None and require_all_answers:
            element = _element(field)
            errors[field] = [f"Jawaban {element} ({element.label}) wajib dipilih."]
    if not errors and not any(value is not None for value in answers.values()):
        errors["u1"] = ["Tidak ada jawaban sama sekali; isi paling sedikit satu unsur (U1-U9)."]
    profile: dict[str, Any] = {}
    choices: dict[str, tuple[type[TextChoices], str]] = {
        "gender": (RespondentGender, "Jenis kelamin"),
        "education": (Education, "Pendidikan"),
        "occupation": (Occupation, "Pekerjaan"),
    }
    for field in PROFILE_FIELDS:
        try:
            if field == "age":
                profile[field] = age_parse(raw.get(field))
            else:
                kind, label = choices[field]
                profile[field] = choice_parse(kind, raw.get(field), label)
        except ValueError as error:
            errors[field] = [str(error)]
    service_id = _service_parse(raw.get("service"), services, errors)
    suggestion = _text(raw.get("suggestion"))
    if len(suggestion) > SUGGESTION_MAX_CHARS:
        errors["suggestion"] = [
            f"Saran atau pengaduan terlalu panjang ({len(suggestion)} karakter); paling banyak "
            f"{SUGGESTION_MAX_CHARS} karakter."
        ]
    if errors:
        raise ValidationError(errors)
    return CleanResponse(
        answers=answers,
        gender=profile["gender"],
        age=profile["age"],
        education=profile["education"],
        occupation=profile["occupation"],
        service_id=service_id,
        suggestion=suggestion,
    )


def _service_parse(
    raw: Any, services: Mapping[int, str], errors: dict[str, list[str]]
) -> int | None:
    text = _text(raw)
    if not services:
        return None
    if text == "":
        errors["service"] = ["Layanan yang diterima wajib dipilih."]
        return None
    if text.isdigit() and int(text) in services:
        return int(text)
    by_name = {_choice_key(name): pk for pk, name in services.items()}
    if (pk := by_name.get(_choice_key(text))) is not None:
        return pk
    accepted = ", ".join(services.values())
    errors["service"] = [
        f"Layanan '{text[:60]}' tidak ada di unit layanan ini; pilih salah satu: {accepted}."
    ]
    return None
