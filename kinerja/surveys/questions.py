"""The questionnaire from reference/skm.json (PermenPANRB 14/2017): the nine elements with their
question and four labelled answers, in regulation order, read once."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kinerja.scoring.ikm import Element

DATA = Path(__file__).with_name("data") / "skm.json"


@dataclass(frozen=True)
class Question:
    element: Element
    field: str  # the response column, "u1"
    name: str
    question: str
    labels: tuple[str, str, str, str]  # answers 1-4


@cache
def questions() -> tuple[Question, ...]:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    return tuple(
        Question(
            element=Element(item["code"]),
            field=item["code"].lower(),
            name=item["name"],
            question=item["question"],
            labels=tuple(item["labels"]),
        )
        for item in data["elements"]
    )


def question_for(element: Element) -> Question:
    return next(q for q in questions() if q.element == element)
