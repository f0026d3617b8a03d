"""What a feedback says and is about: `feedback_text_clean` refuses a text too short or one
that only rates (`RATING_WORDS`), `feedback_topic_clean` checks the subject (a result of the
employee's plan in the current period, a core value, or work in general). Used by the give
and request services alike.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError

from kinerja.monitoring.models import FeedbackSubject
from kinerja.monitoring.services.feedback.common import TEXT_MAX, TEXT_MIN, _required_text
from kinerja.people.models import Employee
from kinerja.periods.selectors import period_current
from kinerja.planning.models import PlannedResult
from kinerja.planning.selectors import core_value_codes, core_values

RATING_WORDS = frozenset(
    {
        "bagus",
        "baik",
        "oke",
        "ok",
        "mantap",
        "hebat",
        "keren",
        "sip",
        "top",
        "jelek",
        "buruk",
        "kurang",
        "cukup",
        "lumayan",
        "memuaskan",
        "luar",
        "biasa",
        "sangat",
        "sekali",
        "amat",
        "banget",
        "sudah",
        "kerja",
        "pekerjaan",
        "anda",
        "kamu",
        "good",
        "great",
        "nice",
        "bad",
        "excellent",
        "istimewa",
        "sempurna",
        "parah",
        "payah",
        "lemah",
        "tidak",
        "terlalu",
        "lebih",
        "dan",
        "the",
        "job",
    }
)
"""Words that rate without describing: a feedback made only of these says nothing to act on."""


def feedback_text_clean(text: str) -> str:
    """The feedback text, refused when too short or when it only rates ("bagus sekali")."""
    cleaned = _required_text("text", "Umpan balik", text, minimum=TEXT_MIN, maximum=TEXT_MAX)
    words = re.findall(r"[a-z]+", cleaned.lower())
    if all(word in RATING_WORDS for word in words):
        raise ValidationError(
            {
                "text": [
                    f"Umpan balik “{cleaned[:60]}” hanya berisi penilaian: jelaskan apa yang "
                    "dilakukan pegawai, kapan, dan apa dampaknya."
                ]
            }
        )
    return cleaned


def feedback_topic_clean(
    *,
    employee: Employee,
    subject: str,
    result: PlannedResult | None,
    core_value: str,
) -> tuple[PlannedResult | None, str]:
    """What the feedback or request is about: a result of the employee's plan in the current
    period, a BerAKHLAK core value, or work in general. Returns (result, core value code)."""
    if subject not in FeedbackSubject.values:
        accepted = ", ".join(FeedbackSubject.values)
        raise ValidationError({"subject": [f"Topik “{subject}” tidak dikenal; pilih {accepted}."]})
    if subject == FeedbackSubject.RESULT:
        period = period_current()
        if result is None:
            raise ValidationError(
                {"result": ["Hasil kerja (RHK) belum dipilih: pilih RHK yang dimaksud."]}
            )
        plan = result.plan
        if plan.employee_id != employee.pk or period is None or plan.period_id != period.pk:
            raise ValidationError(
                {
                    "result": [
                        f"Hasil kerja (RHK) “{result.text[:80]}” bukan hasil kerja SKP "
                        f"{employee.full_name} "
                        "pada periode berjalan."
                    ]
                }
            )
        return result, ""
    if subject == FeedbackSubject.CORE_VALUE:
        if core_value not in core_value_codes():
            accepted = ", ".join(v.name for v in core_values())
            raise ValidationError(
                {"core_value": [f"Nilai dasar “{core_value}” tidak dikenal; pilih {accepted}."]}
            )
        return None, core_value
    return None, ""
