"""What the decision letter "Keputusan atas Keberatan Hasil Penilaian Kinerja" says, computed
once as plain values (`ObjectionLetter`) so that the template only places them: who objected
(name, NIP, post, agency), the evaluation (window or year), the statement, the appraiser's
explanation, the decider's consideration, the decision with the ratings and predikat before and
after, and who decided when (PP 30/2019 Pasal 59: the decision is final). A trial period's
letter says "uji coba". Three queries: the objection is read with `objection_queryset`, then
the decider's post on the day of the decision and the decider's NIP."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from kinerja.appeals.models import Objection, ObjectionState
from kinerja.evaluation.documents.text import government_name, nip, place_name
from kinerja.evaluation.rules import Scope
from kinerja.people.holdings import covering
from kinerja.people.models import Assignment, Employee
from kinerja.scoring.formatting import format_date_id

SUMMARY_MAX = 600
"""The statement is summarised to this many characters on the letter; the record keeps it all."""


@dataclass(frozen=True)
class LetterPerson:
    name: str
    nip: str
    position: str
    agency: str


@dataclass(frozen=True)
class Change:
    label: str
    before: str
    after: str

    @property
    def changed(self) -> bool:
        return self.before != self.after


@dataclass(frozen=True)
class ObjectionLetter:
    objection_id: int
    title: str
    government: str
    agency_name: str
    number: str
    employee: LetterPerson
    evaluation_label: str
    subject: str
    filed_on: str
    statement: str
    explanation: str
    explained_on: str
    answer: str
    consideration: str
    accepted: bool
    decision: str
    changes: tuple[Change, ...]
    decider: LetterPerson
    decided_on: str
    place: str
    is_trial: bool
    file_name: str


def summary(text: str, limit: int = SUMMARY_MAX) -> str:
    """The text cut at a word before `limit` characters, with an ellipsis when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def _day(moment: object) -> date | None:
    return timezone.localdate(moment) if moment else None  # type: ignore[arg-type]


def _decider(objection: Objection, day: date) -> LetterPerson:
    """The decider with the post held on the day of the decision (a definitive post before an
    acting one); for the Wali Kota's office the Pimpinan user who decided."""
    employee: Employee | None = objection.decider
    if employee is None and objection.decided_by is not None:
        employee = Employee.objects.filter(user_id=objection.decided_by.pk).first()
    if employee is None:
        name = objection.decided_by.full_name if objection.decided_by else "Wali Kota"
        return LetterPerson(name=name, nip="", position="Wali Kota", agency=government_name())
    post = (
        Assignment.objects.filter(covering(day), employee_id=employee.pk)
        .select_related("position__agency")
        .order_by("is_acting", "-start_date")
        .first()
    )
    position = ""
    agency = ""
    if post is not None:
        position = f"Plt. {post.position.name}" if post.is_acting else post.position.name
        agency = post.position.agency.name
    if objection.decider_is_mayor:
        position = f"{position} (atas nama Wali Kota)" if position else "Atas nama Wali Kota"
    return LetterPerson(name=employee.full_name, nip=nip(employee.nip), position=position,
                        agency=agency)  # fmt: skip


def file_name(objection: Objection) -> str:
    """`keputusan-keberatan-<id>-<nip>.pdf`: digits and plain letters only."""
    digits = "".join(ch for ch in objection.employee.nip if ch.isdigit())
    return f"keputusan-keberatan-{objection.pk}-{digits}.pdf"


def objection_letter_build(*, objection: Objection) -> ObjectionLetter:
    """The letter of a decided objection read with `selectors.objections.objection_queryset`."""
    evaluation = objection.evaluation
    plan = evaluation.plan
    decided = _day(objection.decided_at) or timezone.localdate()
    accepted = objection.state == ObjectionState.ACCEPTED
    filed = _day(objection.filed_at)
    explained = _day(objection.explained_at)
    return ObjectionLetter(
        objection_id=objection.pk,
        title="Keputusan atas Keberatan Hasil Penilaian Kinerja",
        government=government_name(),
        agency_name=plan.position.agency.name,
        number=f"KEB-{plan.period.year}-{objection.pk:05d}",
        employee=LetterPerson(
            name=objection.employee.full_name,
            nip=nip(objection.employee.nip),
            position=plan.position.name,
            agency=plan.position.agency.name,
        ),
        evaluation_label=Scope(plan.period, evaluation.window).label,
        subject=objection.get_subject_display(),
        filed_on=format_date_id(filed) if filed else "",
        statement=summary(objection.statement),
        explanation=summary(objection.explanation),
        explained_on=format_date_id(explained) if explained else "",
        answer=summary(objection.answer),
        consideration=objection.decision_reason.strip(),
        accepted=accepted,
        decision="Diterima" if accepted else "Ditolak",
        changes=(
            Change(
                "Rating hasil kerja",
                objection.get_results_before_display(),
                objection.get_results_after_display(),
            ),
            Change(
                "Rating perilaku kerja",
                objection.get_behavior_before_display(),
                objection.get_behavior_after_display(),
            ),
            Change(
                "Predikat kinerja",
                objection.get_predikat_before_display(),
                objection.get_predikat_after_display(),
            ),
        ),
        decider=_decider(objection, decided),
        decided_on=format_date_id(decided),
        place=place_name(),
        is_trial=plan.period.is_trial,
        file_name=file_name(objection),
    )
