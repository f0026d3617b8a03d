"""The questionnaire form: one radio group per behaviour (1-5 or "tidak dapat menilai") and one
comment per core value. It only parses what is posted; the rule (`rules.answer_errors`, called
by `services.answers.answers_save`) decides and explains, so the page says the same sentence as
the API. Field names are the codes the rule names in its errors (`AKUNTABEL.1`,
`comment_AKUNTABEL`), so each sentence lands under its question."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django import forms

from kinerja.assessment.models import AnswerSheet
from kinerja.assessment.questionnaire import (
    ANCHORS,
    CANNOT_RATE,
    CANNOT_RATE_LABEL,
    COMMENT_MAX,
    Question,
    questions,
)
from kinerja.planning.forms import ServiceErrorsForm
from kinerja.planning.selectors import CoreValue, core_values

COMMENT_PREFIX = "comment_"
AUTOSAVE = "autosave"
SAVE = "simpan"
SEND = "kirim"

SCORE_CHOICES: list[tuple[str, str]] = [
    *((str(point), f"{point}: {anchor}") for point, anchor in ANCHORS.items()),
    (CANNOT_RATE, CANNOT_RATE_LABEL),
]

_SCORE_KEY = re.compile(r"^[A-Z_]+\.\d+$")


def comment_field(value_code: str) -> str:
    return f"{COMMENT_PREFIX}{value_code}"


def score_value(raw: str) -> int | str | None:
    """A posted choice as the service takes it: "TDM" → None, digits → int, anything else
    as it came (the rule refuses it, naming it)."""
    text = raw.strip()
    if text == CANNOT_RATE:
        return None
    if re.fullmatch(r"[+-]?\d{1,9}", text):
        return int(text)
    return text


def score_initial(score: Any) -> str:
    return CANNOT_RATE if score is None else str(score)


@dataclass(frozen=True)
class ValueBlock:
    """One core value on the page: its behaviours' fields and its comment field."""

    value: CoreValue
    questions: list[tuple[Question, forms.BoundField]]
    comment: forms.BoundField


class AnswerForm(ServiceErrorsForm):
    def __init__(
        self, data: Mapping[str, Any] | None = None, *, sheet: AnswerSheet | None,
        disabled: bool = False,
    ) -> None:  # fmt: skip
        initial: dict[str, Any] = {}
        if sheet is not None:
            initial.update({code: score_initial(s) for code, s in sheet.scores.items()})
            initial.update({comment_field(c): t for c, t in sheet.comments.items()})
        super().__init__(data, initial=initial)
        for question in questions():
            self.fields[question.code] = forms.CharField(
                label=f"{question.number}. {question.text}",
                required=False,
                disabled=disabled,
                widget=forms.RadioSelect(choices=SCORE_CHOICES),
            )
        for value in core_values():
            self.fields[comment_field(value.code)] = forms.CharField(
                label=f"Komentar tentang {value.name}",
                required=False,
                strip=True,
                disabled=disabled,
                help_text=f"Tidak wajib; paling banyak {COMMENT_MAX} karakter.",
                widget=forms.Textarea(attrs={"rows": 3, "maxlength": COMMENT_MAX}),
            )

    def blocks(self) -> list[ValueBlock]:
        by_value: dict[str, list[tuple[Question, forms.BoundField]]] = {}
        for question in questions():
            by_value.setdefault(question.value.code, []).append((question, self[question.code]))
        return [
            ValueBlock(value, by_value.get(value.code, []), self[comment_field(value.code)])
            for value in core_values()
        ]

    def answers(self) -> tuple[dict[str, int | None], dict[str, str]]:
        """The posted scores (only those chosen) and comments, as the service takes them;
        posted keys that look like a behaviour or a comment but are not on the form are passed
        on too, so that the rule names them."""
        data = self.cleaned_data
        scores: dict[str, Any] = {}
        comments: dict[str, Any] = {}
        for question in questions():
            raw = data.get(question.code) or ""
            if raw:
                scores[question.code] = score_value(raw)
        for value in core_values():
            comments[value.code] = data.get(comment_field(value.code)) or ""
        for key in self.data:
            if key in self.fields:
                continue
            if _SCORE_KEY.match(key):
                scores[key] = score_value(str(self.data.get(key, "")))
            elif key.startswith(COMMENT_PREFIX) and key != COMMENT_PREFIX:
                comments[key.removeprefix(COMMENT_PREFIX)] = str(self.data.get(key, ""))
        return scores, comments
