"""The rules of objections that every entrance (page, API, demo, task) asks.

- Filing (`objection_file_refusal`): only the rated employee, only on an evaluation the
  employee has acknowledged, only until the deadline: the day of acknowledgement
  (Asia/Jakarta) plus 14 calendar days (PP 30/2019 Pasal 59; `evaluation.rules.
  objection_deadline`), that day included; one objection per evaluation (a withdrawn one does
  not count), since a decision is final.
- Steps and their due dates [I]: the appraiser explains within `EXPLANATION_DAYS` calendar days
  of the filing; the employee may answer within `ANSWER_DAYS` of the explanation; the decider
  decides within `DECISION_DAYS` of the filing. A step past its due date is shown as overdue
  and reminded; nothing closes by itself.
- Deciding (`objection_decide_refusal`): only the designated decider, only while open, and only
  once the appraiser has explained, the explanation is overdue, or there is no appraiser to ask
  (the Wali Kota rated). A decided objection never reopens.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.utils import timezone

from kinerja.appeals.models import DECIDED_STATES, OPEN_STATES, ObjectionState
from kinerja.evaluation.models import EvaluationState
from kinerja.evaluation.rules import OBJECTION_DAYS, objection_deadline
from kinerja.scoring.formatting import format_date_id

if TYPE_CHECKING:
    from kinerja.appeals.models import Objection
    from kinerja.evaluation.models import Evaluation

EXPLANATION_DAYS = 7
ANSWER_DAYS = 7
DECISION_DAYS = 21
STATEMENT_MIN = 20
TEXT_MAX = 4000
ATTACHMENTS_MAX = 5
ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
ATTACHMENTS_MAX_BYTES = 25 * 1024 * 1024

NOT_EMPLOYEE = "Hanya pegawai yang dinilai yang dapat mengajukan keberatan atas penilaiannya."
NOT_DECIDER = "Hanya atasan pejabat penilai yang ditetapkan untuk keberatan ini yang dapat memutus."
NOT_APPRAISER = "Hanya pejabat penilai pada penilaian ini yang dapat memberi penjelasan."


def local_day(moment: object) -> date:
    """The Asia/Jakarta day of a stored moment."""
    return timezone.localdate(moment)  # type: ignore[arg-type]


def objection_file_refusal(evaluation: Evaluation, *, day: date, has_objection: bool) -> str | None:
    """Why an objection against `evaluation` may not be filed on `day` (the employee check is
    the caller's: `permissions.is_rated_employee`), or None. The sentence names the
    rule."""
    if evaluation.state != EvaluationState.ACKNOWLEDGED:
        return (
            "Keberatan hanya dapat diajukan atas hasil penilaian yang sudah Anda terima; "
            "nyatakan menerima hasil penilaian terlebih dahulu (PP 30/2019 Pasal 59)."
        )
    deadline = objection_deadline(evaluation)
    assert deadline is not None  # acknowledged
    if day > deadline:
        received = format_date_id(local_day(evaluation.acknowledged_at))
        return (
            f"Batas pengajuan keberatan adalah {OBJECTION_DAYS} hari kalender sejak hasil "
            f"penilaian diterima ({received}), yaitu sampai {format_date_id(deadline)}; "
            "keberatan tidak dapat diajukan lagi (PP 30/2019 Pasal 59)."
        )
    if has_objection:
        return (
            "Keberatan atas penilaian ini sudah diajukan; satu penilaian hanya dapat diajukan "
            "keberatan sekali dan keputusannya bersifat final."
        )
    return None


@dataclass(frozen=True)
class Step:
    """One step of an objection: what is awaited, by whom, until when, and whether it is late."""

    code: str  # "explanation", "answer", "decision"
    label: str
    who: str
    due: date
    done_at: object | None
    overdue: bool


def explanation_due(objection: Objection) -> date:
    return local_day(objection.filed_at) + timedelta(days=EXPLANATION_DAYS)


def answer_due(objection: Objection) -> date | None:
    if objection.explained_at is None:
        return None
    return local_day(objection.explained_at) + timedelta(days=ANSWER_DAYS)


def decision_due(objection: Objection) -> date:
    return local_day(objection.filed_at) + timedelta(days=DECISION_DAYS)


def is_open(objection: Objection) -> bool:
    return objection.state in OPEN_STATES


def objection_steps(objection: Objection, *, day: date) -> list[Step]:
    """The steps of the objection with their due dates; `overdue` when a step still awaited
    on `day` is past its due date."""
    open_ = is_open(objection)
    steps: list[Step] = []
    if objection.appraiser_id is not None:
        due = explanation_due(objection)
        done = objection.explained_at
        steps.append(
            Step("explanation", "Penjelasan pejabat penilai", "pejabat penilai", due, done,
                 open_ and done is None and day > due)
        )  # fmt: skip
    answer = answer_due(objection)
    if answer is not None:
        done = objection.answered_at
        steps.append(
            # The answer is optional: its due date is shown, it is never overdue.
            Step("answer", "Tanggapan pegawai (tidak wajib)", "pegawai", answer, done, False)
        )  # fmt: skip
    due = decision_due(objection)
    steps.append(
        Step("decision", "Keputusan atasan pejabat penilai", "atasan pejabat penilai", due,
             objection.decided_at, open_ and day > due)
    )  # fmt: skip
    return steps


def decision_ready_refusal(objection: Objection, *, day: date) -> str | None:
    """Why the objection may not be decided yet (the decider check is the caller's), or None:
    it must be open and the appraiser must have explained, unless the explanation is overdue or
    there is no appraiser to ask."""
    if objection.state in DECIDED_STATES:
        return "Keberatan ini sudah diputus; keputusan atasan pejabat penilai bersifat final."
    if objection.state == ObjectionState.WITHDRAWN:
        return "Keberatan ini sudah dicabut pegawai."
    if objection.appraiser_id is None or objection.explained_at is not None:
        return None
    due = explanation_due(objection)
    if day > due:
        return None
    return (
        "Pejabat penilai belum memberi penjelasan; keputusan dapat diambil setelah penjelasan "
        f"diberikan atau setelah batas penjelasan {format_date_id(due)} terlewati."
    )


def text_errors(
    field: str, label: str, value: str, *, minimum: int = 1, maximum: int = TEXT_MAX
) -> dict[str, list[str]]:
    """A written text that is empty, too short or too long, keyed by its field."""
    length = len(value.strip())
    if length == 0:
        return {field: [f"{label.capitalize()} wajib diisi."]}
    if length < minimum:
        return {
            field: [
                f"{label.capitalize()} sepanjang {length} karakter terlalu singkat; tuliskan "
                f"paling sedikit {minimum} karakter."
            ]
        }
    if length > maximum:
        return {
            field: [
                f"{label.capitalize()} sepanjang {length} karakter terlalu panjang; paling "
                f"banyak {maximum} karakter."
            ]
        }
    return {}
