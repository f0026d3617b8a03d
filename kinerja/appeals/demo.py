"""Demo objections: one at every state, one accepted with a changed predikat.

Everything goes through the services, on Agus's (DEMO_EMPLOYEE) evaluations of this year's
earlier windows: Sri (DEMO_SUPERVISOR, his appraiser) rates each through the evaluation
services, Agus acknowledges it (`evaluation_acknowledge`) and objects, and Retno
(DEMO_APPRAISER_SUPERIOR, the Kabid) decides:

- Diajukan (FILED), with a small generated PDF attached: for Sri to explain;
- Dijelaskan (EXPLAINED) with Agus's answer: in Retno's queue to decide;
- Diterima (ACCEPTED): rating hasil kerja and perilaku kerja raised to above expectations,
  the predikat recomputed (e.g. Baik → Sangat Baik), visible on that evaluation's page, PDF
  and exports;
- Ditolak (REJECTED) and Dicabut (WITHDRAWN).

Why these evaluations: in the demo city Agus is the only member of Sri's team with a plan, and
the other Dukcapil results of the latest window were acknowledged weeks ago, so their 14-day
deadline has passed; last year's were acknowledged in January and February, past it too. The
services rightly refuse objections on those. Agus's evaluation of the latest window (seeded
by `evaluation.demo_current`) is left awaiting receipt, so that a reviewer can acknowledge it
and file one live.

The services stamp the present moment: each objection is filed, explained and decided on the
day the demo is seeded (no date is rewritten). Idempotent: when Dukcapil already has
objections nothing is added.
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
from kinerja.appeals.decider import objection_decider_for
from kinerja.appeals.models import Objection, ObjectionState, ObjectionSubject
from kinerja.appeals.services.decision import objection_decide
from kinerja.appeals.services.exchange import objection_answer, objection_explain
from kinerja.appeals.services.filing import objection_file, objection_withdraw
from kinerja.audit.services import audit_record
from kinerja.core.demo import DemoOptions
from kinerja.core.pdf import pdf_from_html
from kinerja.evaluation.models import Evaluation
from kinerja.evaluation.services.evaluations import (
    BehaviorInput,
    ResultInput,
    evaluation_acknowledge,
    evaluation_save,
    evaluation_set,
    evaluation_start,
)
from kinerja.people.holdings import today
from kinerja.periods.models import EvaluationWindow
from kinerja.planning.models import PerformancePlan
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


def _windows(plan: PerformancePlan) -> list[EvaluationWindow]:
    """This year's windows of the plan before the one `evaluation.demo_current` rated (the
    latest whose realisations have closed), without an evaluation yet, latest first."""
    latest = (
        Evaluation.objects.filter(plan=plan, window__isnull=False)
        .select_related("window")
        .order_by("-window__end_date")
        .first()
    )
    if latest is None or latest.window is None:
        return []
    rated = Evaluation.objects.filter(plan=plan, window__isnull=False).values_list("window_id")
    return list(
        EvaluationWindow.objects.filter(
            period_id=plan.period_id,
            end_date__lt=latest.window.start_date,
            start_date__gte=plan.start_date,
        )
        .exclude(pk__in=rated)
        .order_by("-end_date")
    )


def _rate(sri: User, plan: PerformancePlan, window: EvaluationWindow) -> Evaluation:
    """Sri rates Agus for `window` as the suggestions say (no departure to explain), behaviour
    meeting expectations, and sets the result."""
    evaluation = evaluation_start(actor=sri, plan=plan, window=window)
    results = [
        ResultInput(result_id=row.result_id, rating=row.suggestion or Rating.MEETS.value)
        for row in evaluation.result_ratings.order_by("pk")
    ]
    behaviors = [
        BehaviorInput(core_value=row.core_value, rating=Rating.MEETS.value)
        for row in evaluation.behavior_ratings.order_by("pk")
    ]
    for _ in range(2):  # saved once to read the overall suggestions, then with them
        evaluation = evaluation_save(
            actor=sri,
            evaluation=evaluation,
            results=results,
            behaviors=behaviors,
            results_rating=evaluation.results_suggestion or "",
            results_reason="",
            behavior_rating=evaluation.behavior_suggestion or "",
            behavior_reason="",
        )
    return evaluation_set(actor=sri, evaluation=evaluation)


def _decider_user(evaluation: Evaluation, retno: User) -> User:
    """The login of the designated decider (Retno when the chain names her Kabid)."""
    decider = objection_decider_for(evaluation)
    if decider.employee_id is None:
        return retno
    user = User.objects.filter(employee__pk=decider.employee_id).first()
    return user or retno


def _seed_one(story: Story, evaluation: Evaluation, agus: User, sri: User, decider: User) -> str:
    evaluation = evaluation_acknowledge(actor=agus, evaluation=evaluation)
    label = f"{evaluation.window.name if evaluation.window else 'Tahunan'}"
    before = evaluation.get_predikat_display()
    files = [_attachment()] if story.state == ObjectionState.FILED else []
    statement = STATEMENTS["behavior" if story.subject == ObjectionSubject.BEHAVIOR else "results"]
    objection = objection_file(
        actor=agus, evaluation=evaluation, subject=story.subject, statement=statement, files=files
    )
    if story.state == ObjectionState.WITHDRAWN:
        objection_withdraw(actor=agus, objection=objection, reason=WITHDRAWN_REASON)
    elif story.state != ObjectionState.FILED:
        objection = objection_explain(actor=sri, objection=objection, explanation=EXPLANATION)
        if story.state == ObjectionState.EXPLAINED:
            objection_answer(actor=agus, objection=objection, answer=ANSWER)
        elif story.state == ObjectionState.ACCEPTED:
            objection = objection_decide(
                actor=decider, objection=objection, accepted=True, reason=ACCEPTED_REASON,
                results_rating=Rating.ABOVE.value, behavior_rating=Rating.ABOVE.value,
            )  # fmt: skip
            after = objection.get_predikat_after_display()
            return (
                f"Keberatan {DEMO_EMPLOYEE.name} ({label}): diterima, predikat {before} → {after}."
            )
        else:
            objection_decide(
                actor=decider, objection=objection, accepted=False, reason=REJECTED_REASON
            )
    return f"Keberatan {DEMO_EMPLOYEE.name} ({label}, {before}): {story.line}."


def demo_seed(options: DemoOptions) -> list[str]:
    if options.today != today():
        return ["Keberatan demo hanya diisi untuk hari ini; dilewati."]
    if Objection.objects.filter(agency__code=DUKCAPIL_CODE).exists():
        return ["Keberatan demo Dukcapil sudah ada."]
    users = {u.username: u for u in User.objects.filter(username__in=[
        DEMO_EMPLOYEE.username, DEMO_SUPERVISOR.username, DEMO_APPRAISER_SUPERIOR.username
    ])}  # fmt: skip
    agus, sri = users.get(DEMO_EMPLOYEE.username), users.get(DEMO_SUPERVISOR.username)
    retno = users.get(DEMO_APPRAISER_SUPERIOR.username)
    if agus is None or sri is None or retno is None:
        return ["Akun demo Agus, Sri atau Retno tidak ada; keberatan demo dilewati."]
    plan = (
        PerformancePlan.objects.filter(
            employee__user=agus,
            period__year=options.today.year,
            period__is_trial=False,
            approved_version__isnull=False,
        )
        .select_related("period", "position", "employee")
        .first()
    )
    if plan is None:
        return ["SKP Agus tahun ini belum disetujui; keberatan demo dilewati."]
    windows = _windows(plan)
    stories = list(STORIES)
    lines: list[str] = []
    for window in windows:
        if not stories:
            break
        try:
            evaluation = _rate(sri, plan, window)
        except ValidationError:
            continue  # realisations of that window still open: the next one
        story = stories.pop(0)
        try:
            lines.append(_seed_one(story, evaluation, agus, sri, _decider_user(evaluation, retno)))
        except (ValidationError, PermissionDenied) as error:
            lines.append(f"Keberatan demo {window.name} dilewati: {' '.join(_messages(error))}")
    with transaction.atomic():
        audit_record(
            actor=None,
            action="demo_objections.seeded",
            after={"objections": Objection.objects.filter(agency__code=DUKCAPIL_CODE).count()},
        )
    if stories:
        lines.append(
            "Evaluasi periodik sebelumnya yang dapat dinilai tidak cukup; tidak diisi: "
            + ", ".join(story.line for story in stories)
            + "."
        )
    lines.append(
        f"{DEMO_EMPLOYEE.name}: hasil evaluasi periodik terakhir menunggu diterima; terima lalu "
        "ajukan keberatan untuk mencoba alurnya."
    )
    return lines


def _messages(error: ValidationError | PermissionDenied) -> list[str]:
    if isinstance(error, ValidationError):
        return list(error.messages)
    return [str(error)]
