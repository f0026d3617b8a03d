"""Demo objections: one at every state, one accepted with a changed predikat.

Seeded through the services (`services/`) on this year's Dukcapil evaluations of Sri's team
(DEMO_SUPERVISOR is their appraiser, so Retno, the Kabid and DEMO_APPRAISER_SUPERIOR, decides):

- Diajukan (FILED), with a small generated PDF attached: for Sri to explain;
- Dijelaskan (EXPLAINED) with the employee's answer: in Retno's queue to decide;
- Diterima (ACCEPTED): rating hasil kerja and perilaku kerja raised, the predikat
  Baik → Sangat Baik, visible on the evaluation page, its PDF and the exports;
- Ditolak (REJECTED) and Dicabut (WITHDRAWN).

The rated employees of the demo have no login of their own (only the demo logins do): each one
used here gets an account under their NIP with no usable password, so that they can act as
the services require (acknowledge the result, file, answer, withdraw). Their evaluations
awaiting receipt are acknowledged through `evaluation_acknowledge` first.

Agus's (DEMO_EMPLOYEE) current evaluation is left awaiting receipt, so that a reviewer can
acknowledge it and file one live. Last year's evaluations are past their 14-day deadline (they
were acknowledged in January and February), so the services rightly refuse objections on them
and none is seeded there. The services stamp the present moment: every demo objection is
filed, explained and decided on the day the demo is seeded. Idempotent: when Dukcapil already
has objections nothing is added.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from kinerja.accounts.demo_identities import (
    DEMO_APPRAISER_SUPERIOR,
    DEMO_EMPLOYEE,
    DEMO_SUPERVISOR,
    DUKCAPIL_CODE,
)
from kinerja.accounts.models import User
from kinerja.appeals.models import Objection, ObjectionState, ObjectionSubject
from kinerja.appeals.rules import objection_file_refusal
from kinerja.appeals.services.decision import objection_decide
from kinerja.appeals.services.exchange import objection_answer, objection_explain
from kinerja.appeals.services.filing import objection_file, objection_withdraw
from kinerja.audit.services import audit_record
from kinerja.core.demo import DemoOptions
from kinerja.core.pdf import pdf_from_html
from kinerja.evaluation.models import Evaluation, EvaluationState
from kinerja.evaluation.services.evaluations.receipt import evaluation_acknowledge
from kinerja.people.holdings import today
from kinerja.people.models import Employee
from kinerja.scoring.ratings import Rating

STATEMENTS = {
    "results": (
        "Realisasi penerbitan KTP-el pada triwulan ini melampaui target karena saya membuka "
        "layanan sore tambahan; rating hasil kerja sesuai ekspektasi belum mencerminkannya."
    ),
    "behavior": (
        "Rating perilaku kerja tidak menyebut peristiwa yang menjadi dasar penilaian; saya "
        "mohon penjelasan dan penilaian ulang atas nilai Kolaboratif."
    ),
}
EXPLANATION = (
    "Capaian dihitung dari realisasi yang diterima pada akhir evaluasi periodik; layanan sore "
    "belum dilaporkan sebagai realisasi sehingga tidak dihitung."
)
ANSWER = "Laporan layanan sore sudah saya unggah sebagai bukti dukung; mohon dipertimbangkan."
ACCEPTED_REASON = (
    "Bukti dukung layanan sore sah dan menunjukkan capaian di atas target; perilaku kerja "
    "selama layanan tambahan itu juga di atas ekspektasi."
)
REJECTED_REASON = (
    "Penjelasan pejabat penilai sesuai dengan realisasi yang dilaporkan; tidak ada bukti "
    "dukung baru yang mengubah capaian."
)
WITHDRAWN_REASON = "Sudah dijelaskan langsung oleh atasan; saya menerima hasilnya."


@dataclass(frozen=True)
class Story:
    state: str
    subject: str
    line: str


STORIES: tuple[Story, ...] = (
    Story(
        ObjectionState.EXPLAINED,
        ObjectionSubject.RESULTS,
        "dijelaskan dan ditanggapi; menunggu putusan Retno",
    ),
    Story(
        ObjectionState.FILED,
        ObjectionSubject.RESULTS,
        "diajukan dengan lampiran PDF; menunggu penjelasan Sri",
    ),
    Story(ObjectionState.ACCEPTED, ObjectionSubject.BOTH, "diterima"),
    Story(ObjectionState.REJECTED, ObjectionSubject.BEHAVIOR, "ditolak"),
    Story(ObjectionState.WITHDRAWN, ObjectionSubject.RESULTS, "dicabut pegawai"),
)


def _attachment() -> SimpleUploadedFile:
    html = (
        "<h1>Laporan layanan sore</h1><p>Dinas Kependudukan dan Pencatatan Sipil, Seksi "
        "Identitas Penduduk: 126 KTP-el diterbitkan pada layanan sore tambahan.</p>"
    )
    content = pdf_from_html(html=html, stylesheets=[])
    return SimpleUploadedFile("laporan-layanan-sore.pdf", content, "application/pdf")


def _user_of(employee: Employee) -> User:
    """The employee's account; one under their NIP without a usable password when missing."""
    if employee.user_id is not None:
        return employee.user  # type: ignore[return-value]
    user = User.objects.filter(username=employee.nip).first()
    if user is None:
        user = User.objects.create_user(employee.nip, None, full_name=employee.name)
    Employee.objects.filter(pk=employee.pk).update(user=user)
    employee.user = user
    return user


def _candidates(appraiser: Employee) -> list[Evaluation]:
    """This year's evaluations of the appraiser's team that can still be objected to (set and
    awaiting receipt, or acknowledged and within the deadline), Baik first, Agus's left out."""
    day = today()
    found = (
        Evaluation.objects.filter(
            plan__period__year=day.year,
            plan__period__is_trial=False,
            appraiser=appraiser,
            state__in=(EvaluationState.RATED, EvaluationState.ACKNOWLEDGED),
            predikat__gt="",
        )
        .exclude(plan__employee__nip=DEMO_EMPLOYEE.username)
        .select_related("plan__employee__user", "plan__position", "plan__period")
        .order_by("plan__employee__name", "pk")
    )
    usable = [
        e
        for e in found
        if e.state == EvaluationState.RATED
        or objection_file_refusal(e, day=day, has_objection=False) is None
    ]
    one_each = {e.plan.employee_id: e for e in reversed(usable)}
    return sorted(
        one_each.values(),
        key=lambda e: (e.predikat != "BAIK", e.plan.employee.name),
    )


def _seed_one(story: Story, evaluation: Evaluation, sri: User, retno: User) -> str:
    employee = evaluation.plan.employee
    user = _user_of(employee)
    if evaluation.state == EvaluationState.RATED:
        evaluation = evaluation_acknowledge(actor=user, evaluation=evaluation)
    before = evaluation.get_predikat_display()
    files = [_attachment()] if story.state == ObjectionState.FILED else []
    statement = STATEMENTS["behavior" if story.subject == ObjectionSubject.BEHAVIOR else "results"]
    objection = objection_file(
        actor=user, evaluation=evaluation, subject=story.subject, statement=statement, files=files
    )
    if story.state == ObjectionState.WITHDRAWN:
        objection_withdraw(actor=user, objection=objection, reason=WITHDRAWN_REASON)
    elif story.state != ObjectionState.FILED:
        objection = objection_explain(actor=sri, objection=objection, explanation=EXPLANATION)
        if story.state == ObjectionState.EXPLAINED:
            objection_answer(actor=user, objection=objection, answer=ANSWER)
        elif story.state == ObjectionState.ACCEPTED:
            objection = objection_decide(
                actor=retno, objection=objection, accepted=True, reason=ACCEPTED_REASON,
                results_rating=Rating.ABOVE.value, behavior_rating=Rating.ABOVE.value,
            )  # fmt: skip
            after = objection.get_predikat_after_display()
            return f"Keberatan {employee.name}: diterima, predikat {before} → {after}."
        else:
            objection_decide(
                actor=retno, objection=objection, accepted=False, reason=REJECTED_REASON
            )
    return f"Keberatan {employee.name} ({before}): {story.line}."


def demo_seed(options: DemoOptions) -> list[str]:
    if options.today != today():
        return ["Keberatan demo hanya diisi untuk hari ini; dilewati."]
    if Objection.objects.filter(agency__code=DUKCAPIL_CODE).exists():
        return ["Keberatan demo Dukcapil sudah ada."]
    users = {u.username: u for u in User.objects.filter(
        username__in=[DEMO_SUPERVISOR.username, DEMO_APPRAISER_SUPERIOR.username]
    )}  # fmt: skip
    sri, retno = users.get(DEMO_SUPERVISOR.username), users.get(DEMO_APPRAISER_SUPERIOR.username)
    appraiser = Employee.objects.filter(user=sri).first() if sri else None
    if sri is None or retno is None or appraiser is None:
        return ["Akun demo Sri (pejabat penilai) atau Retno (atasannya) tidak ada; dilewati."]
    candidates = _candidates(appraiser)
    if not candidates:
        return ["Belum ada penilaian tim Sri tahun ini yang dapat diajukan keberatan; dilewati."]
    lines: list[str] = []
    for story, evaluation in zip(STORIES, candidates, strict=False):
        try:
            lines.append(_seed_one(story, evaluation, sri, retno))
        except (ValidationError, PermissionDenied) as error:
            lines.append(f"Keberatan demo {story.line} dilewati: {' '.join(_messages(error))}")
    with transaction.atomic():
        audit_record(
            actor=None,
            action="demo_objections.seeded",
            after={"objections": Objection.objects.filter(agency__code=DUKCAPIL_CODE).count()},
        )
    if len(candidates) < len(STORIES):
        lines.append(
            f"Tim Sri hanya punya {len(candidates)} penilaian yang dapat diajukan keberatan; "
            "tidak semua status terisi."
        )
    lines.append(
        f"{DEMO_EMPLOYEE.name}: hasil penilaian tahun ini menunggu diterima; terima lalu ajukan "
        "keberatan untuk mencoba alurnya."
    )
    return lines


def _messages(error: ValidationError | PermissionDenied) -> list[str]:
    if isinstance(error, ValidationError):
        return list(error.messages)
    return [str(error)]
