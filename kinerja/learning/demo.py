"""Demo competency development: the starter dictionary and catalogue, plans in every state in
Dinas Dukcapil, employees above and below 20 JP, the mandatory coaching plans.

- Rina (Admin BKPSDM) enters the dictionary and the catalogue of `data/*.json` through the
  catalogue services (only the codes missing are added).
- Sri gives Agus (DEMO_EMPLOYEE) a third feedback tagged komunikasi when he has fewer than three
  (monitoring's demo gives two). Agus opens his plan with the suggested communication course
  and its reason, two more activities, proposes; Sri agrees. Agus records two completions with
  a generated PDF certificate: Sri confirms one (its JP count), the other waits for her.
- Sri proposes her own plan: it waits for Retno (her appraiser) to agree.
- Other Dukcapil employees (no logins): plans opened by the system through the service, their
  activities and states written directly (one audit entry), as the other demos do for the mass:
  Diajukan (a member of Sri's team when there is one, so Sri has a plan to agree), Draf,
  Dikembalikan with a reason, and Disepakati with confirmed JP above and below 20.
- Mandatory coaching: the learning seed runs after evaluation's (layer order), whose seed writes
  most ratings directly; so `coaching_plan_ensure` is called, as the system, for every
  employee whose latest set evaluation is Butuh Perbaikan or worse. (Ratings set later through
  the evaluation services, such as the appeals demo's, call the hook themselves.)

The plan services stamp the present moment, so plans are seeded only for today; activity dates
are counted back from today inside this year's period. Idempotent: the dictionary and
catalogue by code, each plan when missing, the others when no other Dukcapil plan exists, the
coaching plans by the hook's own idempotence.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from kinerja.accounts.demo_identities import (
    DEMO_APPRAISER_SUPERIOR,
    DEMO_EMPLOYEE,
    DEMO_HR_ADMIN,
    DEMO_SUPERVISOR,
    DUKCAPIL_CODE,
)
from kinerja.accounts.models import User
from kinerja.audit.services import audit_record
from kinerja.core.demo import DemoOptions
from kinerja.core.pdf import pdf_from_html
from kinerja.evaluation.models import Evaluation
from kinerja.learning.data import starter_catalogue, starter_dictionary
from kinerja.learning.models import (
    Competency,
    DevelopmentItem,
    DevelopmentPlan,
    ItemSource,
    ItemState,
    PlanState,
    TrainingCourse,
)
from kinerja.learning.rules import COACHING_PREDIKAT, JP_TARGET
from kinerja.learning.services.catalogue import competency_save, course_save
from kinerja.learning.services.coaching import coaching_plan_ensure
from kinerja.learning.services.completion import (
    development_item_complete,
    development_item_confirm,
)
from kinerja.learning.services.plans import (
    development_item_add,
    development_plan_agree,
    development_plan_open,
    development_plan_propose,
)
from kinerja.monitoring.models import Competency as FeedbackCompetency
from kinerja.monitoring.models import FeedbackSubject, FeedbackTag
from kinerja.monitoring.services.feedback import feedback_give
from kinerja.people.holdings import chain_of_command_load, covering, today
from kinerja.people.models import Assignment, Employee
from kinerja.periods.models import PerformancePeriod
from kinerja.scoring.formatting import format_date_id, format_decimal

COMMUNICATION_COURSE = "komunikasi-pelayanan-publik"
RETURN_REASON = (
    "Rotasi jabatan 40 JP terlalu lama untuk seksi yang sedang kekurangan petugas loket; "
    "ganti dengan pelatihan yang lebih singkat dan tetapkan target selesai sebelum triwulan IV."
)
THIRD_FEEDBACK = (
    "Saat menjelaskan perubahan syarat akta kelahiran kepada pemohon, Anda langsung menyebut "
    "nomor pasal; pemohon baru paham setelah rekan menjelaskan dengan contoh berkas."
)


def _catalogue(hr: User) -> str:
    known = set(Competency.objects.values_list("code", flat=True))
    added_competencies = 0
    for row in starter_dictionary():
        if row["code"] in known:
            continue
        competency_save(
            actor=hr, competency=None, code=row["code"], name=row["name"], kind=row["kind"],
            description=row["description"], feedback_tag=row["feedback_tag"],
            core_value=row["core_value"], position_kinds=row["position_kinds"],
        )  # fmt: skip
        added_competencies += 1
    ids = dict(Competency.objects.values_list("code", "pk"))
    known = set(TrainingCourse.objects.values_list("code", flat=True))
    added_courses = 0
    for row in starter_catalogue():
        if row["code"] in known:
            continue
        course_save(
            actor=hr, course=None, code=row["code"], title=row["title"], kind=row["kind"],
            mode=row["mode"], provider=row["provider"], jp=Decimal(row["jp"]),
            description=row["description"],
            competency_ids=[ids[code] for code in row["competencies"]],
        )  # fmt: skip
        added_courses += 1
    return (
        f"Kamus kompetensi: {Competency.objects.count()} kompetensi ({added_competencies} baru); "
        f"katalog pelatihan: {TrainingCourse.objects.count()} kegiatan ({added_courses} baru), "
        f"diisi oleh {DEMO_HR_ADMIN.name}."
    )


def _certificate(employee: Employee, title: str, jp: Decimal, day: date) -> SimpleUploadedFile:
    html = (
        f"<h1>Sertifikat</h1><p>Diberikan kepada {employee.full_name} (NIP {employee.nip}) yang "
        f"telah menyelesaikan <strong>{title}</strong> sebanyak {_jp(jp)} JP pada "
        f"{format_date_id(day)}.</p><p>Dokumen contoh untuk demo; bukan sertifikat resmi.</p>"
    )
    content = pdf_from_html(html=html, stylesheets=[])
    return SimpleUploadedFile("sertifikat.pdf", content, "application/pdf")


def _day_in(period: PerformancePeriod, day: date) -> date:
    return min(max(day, period.start_date), period.end_date)


def _communication_tags(agus: Employee, period: PerformancePeriod) -> int:
    return FeedbackTag.objects.filter(
        feedback__employee=agus,
        feedback__created_at__date__gte=period.start_date,
        competency=FeedbackCompetency.COMMUNICATION,
    ).count()


def _third_feedback(sri: User, agus: Employee, period: PerformancePeriod) -> list[str]:
    if _communication_tags(agus, period) >= 3:
        return []
    feedback_give(
        actor=sri, employee=agus, subject=FeedbackSubject.GENERAL, text=THIRD_FEEDBACK,
        suggestion="Mulai dari contoh berkas pemohon, baru sebut aturannya bila ditanya.",
        competencies=[FeedbackCompetency.COMMUNICATION],
    )  # fmt: skip
    return [
        f"Umpan balik komunikasi ketiga dari {DEMO_SUPERVISOR.name} untuk {DEMO_EMPLOYEE.name}."
    ]


def _communication_reason(agus: Employee, period: PerformancePeriod) -> str:
    """The reason the suggestion gives (`kinerja.learning.suggestions`, feedback signal)."""
    first = (
        FeedbackTag.objects.filter(
            feedback__employee=agus,
            feedback__created_at__date__gte=period.start_date,
            competency=FeedbackCompetency.COMMUNICATION,
        )
        .order_by("feedback__created_at")
        .values_list("feedback__created_at", flat=True)
        .first()
    )
    since = timezone.localdate(first) if first else period.start_date
    count = _communication_tags(agus, period)
    return f"{count} umpan balik bertanda komunikasi sejak {format_date_id(since)}"


def _jp(value: Decimal) -> str:
    return format_decimal(value, 0 if value == value.to_integral_value() else 1)


def _course(code: str) -> TrainingCourse:
    return TrainingCourse.objects.get(code=code)


def _agus_plan(
    agus_user: User, sri: User, agus: Employee, period: PerformancePeriod, day: date
) -> list[str]:
    if DevelopmentPlan.objects.filter(employee=agus, period=period).exists():
        return [f"Rencana pengembangan {DEMO_EMPLOYEE.name} sudah ada."]
    plan = development_plan_open(actor=agus_user, employee=agus, period=period)
    communication = _course(COMMUNICATION_COURSE)
    suggested = development_item_add(
        actor=agus_user, plan=plan, title=communication.title, kind=communication.kind,
        jp_planned=communication.jp, target_date=_day_in(period, day + timedelta(days=45)),
        source=ItemSource.SUGGESTED, reason=_communication_reason(agus, period),
        course=communication,
    )  # fmt: skip
    done: list[tuple[DevelopmentItem, int]] = []
    for code, days_ago in (("integritas-antikorupsi", 30), ("menulis-naskah-dinas", 4)):
        course = _course(code)
        item = development_item_add(
            actor=agus_user, plan=plan, title=course.title, kind=course.kind,
            jp_planned=course.jp, target_date=_day_in(period, day - timedelta(days=days_ago)),
            source=ItemSource.EMPLOYEE, course=course,
        )  # fmt: skip
        done.append((item, days_ago))
    development_plan_propose(actor=agus_user, plan=plan)
    development_plan_agree(actor=sri, plan=plan)
    for stale, days_ago in done:
        item = DevelopmentItem.objects.select_related("plan").get(pk=stale.pk)
        completed_on = _day_in(period, day - timedelta(days=days_ago))
        jp = item.jp_planned
        development_item_complete(
            actor=agus_user, item=item, completed_on=min(completed_on, day), jp_earned=jp,
            certificate=_certificate(agus, item.title, jp, completed_on),
        )  # fmt: skip
    development_item_confirm(actor=sri, item=DevelopmentItem.objects.get(pk=done[0][0].pk))
    return [
        f"Rencana pengembangan {DEMO_EMPLOYEE.name}: disepakati {DEMO_SUPERVISOR.name}; saran "
        f'"{suggested.title}" ({suggested.reason}); "{done[0][0].title}" dikonfirmasi '
        f"({_jp(done[0][0].jp_planned)} JP, di bawah {_jp(JP_TARGET)} JP); "
        f'"{done[1][0].title}" selesai, menunggu konfirmasi {DEMO_SUPERVISOR.name}.'
    ]


def _sri_plan(sri: User, employee: Employee, period: PerformancePeriod, day: date) -> list[str]:
    if DevelopmentPlan.objects.filter(employee=employee, period=period).exists():
        return [f"Rencana pengembangan {DEMO_SUPERVISOR.name} sudah ada."]
    plan = development_plan_open(actor=sri, employee=employee, period=period)
    for code, days in (("keputusan-berbasis-data", 40), ("coaching-kinerja-atasan", 20)):
        course = _course(code)
        development_item_add(
            actor=sri, plan=plan, title=course.title, kind=course.kind, jp_planned=course.jp,
            target_date=_day_in(period, day + timedelta(days=days)),
            source=ItemSource.EMPLOYEE, course=course,
        )  # fmt: skip
    development_plan_propose(actor=sri, plan=plan)
    return [
        f"Rencana pengembangan {DEMO_SUPERVISOR.name}: diajukan, menunggu persetujuan "
        f"{DEMO_APPRAISER_SUPERIOR.name}."
    ]


@dataclass(frozen=True)
class Story:
    state: str
    confirmed: tuple[str, ...]
    planned: tuple[str, ...]
    line: str
    return_reason: str = ""


STORIES: tuple[Story, ...] = (
    Story(PlanState.PROPOSED, (), ("pelayanan-prima", "siak-terpusat"), "diajukan"),
    Story(PlanState.DRAFT, (), ("analisis-data-lembar-kerja",), "draf"),
    Story(PlanState.RETURNED, (), ("rotasi-perencanaan-keuangan",), "dikembalikan", RETURN_REASON),
    Story(
        PlanState.AGREED,
        ("siak-terpusat", "menulis-naskah-dinas"),
        ("pelayanan-prima",),
        "disepakati, 30 JP dikonfirmasi",
    ),
    Story(
        PlanState.AGREED,
        ("rotasi-layanan-kecamatan", "integritas-antikorupsi", "mengelola-pengaduan"),
        (),
        "disepakati, 32 JP dikonfirmasi",
    ),
    Story(
        PlanState.AGREED,
        ("mengelola-pengaduan",),
        ("komunikasi-pelayanan-publik",),
        "disepakati, 4 JP dikonfirmasi",
    ),
)


def _dukcapil_people(
    exclude: set[int], day: date, sri: Employee
) -> list[tuple[Employee, int | None]]:
    """Dukcapil employees holding a post today (not the demo logins), each with their
    appraiser's employee id; the members of Sri's team first, then of Retno's (the first of
    them proposes, so a demo login has a plan to agree)."""
    sri_chain = chain_of_command_load(employee_id=sri.pk, day=day)
    team = [h.employee_id for h in sri_chain.subordinates]
    retno = getattr(sri_chain.appraiser, "employee_id", None)
    if retno is not None:  # then Retno's: the other heads of section under her
        team += [
            h.employee_id for h in chain_of_command_load(employee_id=retno, day=day).subordinates
        ]
    held = (
        Assignment.objects.filter(covering(day), position__agency__code=DUKCAPIL_CODE)
        .exclude(employee_id__in=exclude)
        .values_list("employee_id", flat=True)
        .order_by("employee_id")
        .distinct()
    )
    ids = [pk for pk in team if pk not in exclude] + list(held[:40])
    by_pk = Employee.objects.in_bulk(ids)
    people: list[tuple[Employee, int | None]] = []
    for pk in dict.fromkeys(ids):
        chain = chain_of_command_load(employee_id=pk, day=day)
        if chain.primary is not None and pk in by_pk:
            people.append((by_pk[pk], getattr(chain.appraiser, "employee_id", None)))
    return people


def _other_plans(
    period: PerformancePeriod, day: date, sri: Employee, exclude: set[int]
) -> list[str]:
    others = DevelopmentPlan.objects.filter(period=period, agency__code=DUKCAPIL_CODE).exclude(
        employee_id__in=exclude
    )
    if others.exists():
        return ["Rencana pengembangan pegawai Dukcapil lain sudah ada."]
    people = _dukcapil_people(exclude, day, sri)
    names = {DEMO_SUPERVISOR.username: DEMO_SUPERVISOR.name}
    names[DEMO_APPRAISER_SUPERIOR.username] = DEMO_APPRAISER_SUPERIOR.name
    appraisers = {e.pk: names[e.nip] for e in Employee.objects.filter(nip__in=list(names))}
    courses = {c.code: c for c in TrainingCourse.objects.all()}
    lines: list[str] = []
    now = timezone.now()
    for story, (employee, appraiser) in zip(STORIES, people, strict=False):
        plan = development_plan_open(actor=None, employee=employee, period=period)
        plan.state = story.state
        plan.return_reason = story.return_reason
        plan.proposed_at = now if story.state != PlanState.DRAFT else None
        plan.agreed_at = now if story.state == PlanState.AGREED else None
        plan.save(update_fields=["state", "return_reason", "proposed_at", "agreed_at"])
        items = []
        for n, code in enumerate(story.confirmed):
            course = courses[code]
            completed_on = _day_in(period, day - timedelta(days=20 + 25 * n))
            items.append(
                DevelopmentItem(
                    plan=plan,
                    course=course,
                    title=course.title,
                    kind=course.kind,
                    jp_planned=course.jp,
                    target_date=completed_on,
                    source=ItemSource.EMPLOYEE,
                    state=ItemState.CONFIRMED,
                    completed_on=completed_on,
                    jp_earned=course.jp,
                    confirmed_at=now,
                )
            )
        for n, code in enumerate(story.planned):
            course = courses[code]
            items.append(
                DevelopmentItem(
                    plan=plan,
                    course=course,
                    title=course.title,
                    kind=course.kind,
                    jp_planned=course.jp,
                    source=ItemSource.EMPLOYEE,
                    target_date=_day_in(period, day + timedelta(days=30 + 30 * n)),
                )
            )
        DevelopmentItem.objects.bulk_create(items)
        whose = f", pejabat penilai {appraisers[appraiser]}" if appraiser in appraisers else ""
        lines.append(f"Rencana pengembangan {employee.full_name}{whose}: {story.line}.")
    return lines


def _coaching(period: PerformancePeriod) -> list[str]:
    """`coaching_plan_ensure` as the system for each employee whose latest set evaluation of
    this year's period or the one before is Butuh Perbaikan or worse."""
    latest: dict[int, Evaluation] = {}
    evaluations = (
        Evaluation.objects.filter(
            plan__period__is_trial=False,
            plan__period__year__gte=period.year - 1,
            predikat__gt="",
        )
        .select_related("plan__employee", "plan__period", "window")
        .order_by("plan__period__year", "window__end_date", "pk")
    )
    for evaluation in evaluations:  # the latest per employee wins (an annual one last)
        latest[evaluation.plan.employee_id] = evaluation
    lines = []
    for evaluation in latest.values():
        if evaluation.predikat not in COACHING_PREDIKAT:
            continue
        try:
            plan = coaching_plan_ensure(None, evaluation)
        except (ValidationError, PermissionDenied) as error:
            lines.append(f"Bimbingan wajib {evaluation.plan.employee.full_name} dilewati: {error}")
            continue
        if plan is not None:
            lines.append(
                f"Rencana bimbingan wajib {evaluation.plan.employee.full_name} "
                f"({evaluation.get_predikat_display()}, periode {plan.period.year})."
            )
    return lines


def demo_seed(options: DemoOptions) -> list[str]:
    users = {u.username: u for u in User.objects.filter(username__in=[
        DEMO_HR_ADMIN.username, DEMO_EMPLOYEE.username, DEMO_SUPERVISOR.username,
    ])}  # fmt: skip
    hr = users.get(DEMO_HR_ADMIN.username)
    if hr is None:
        return ["Akun demo Admin BKPSDM tidak ada; data demo pengembangan kompetensi dilewati."]
    lines = [_catalogue(hr)]
    if options.today != today():
        return [*lines, "Rencana pengembangan demo hanya diisi untuk hari ini; dilewati."]
    period = PerformancePeriod.objects.filter(year=options.today.year, is_trial=False).first()
    agus_user, sri_user = users.get(DEMO_EMPLOYEE.username), users.get(DEMO_SUPERVISOR.username)
    people = {e.nip: e for e in Employee.objects.filter(
        nip__in=[DEMO_EMPLOYEE.username, DEMO_SUPERVISOR.username]
    )}  # fmt: skip
    agus, sri = people.get(DEMO_EMPLOYEE.username), people.get(DEMO_SUPERVISOR.username)
    if period is None or agus_user is None or sri_user is None or agus is None or sri is None:
        return [*lines, "Periode tahun ini atau akun Agus/Sri tidak ada; rencana dilewati."]
    day = options.today
    lines += _third_feedback(sri_user, agus, period)
    lines += _agus_plan(agus_user, sri_user, agus, period, day)
    lines += _sri_plan(sri_user, sri, period, day)
    demo_logins = set(Employee.objects.filter(user__isnull=False).values_list("pk", flat=True))
    with transaction.atomic():
        others = _other_plans(period, day, sri, demo_logins)
        lines += others
        lines += _coaching(period)
        audit_record(
            actor=None,
            action="demo_learning.seeded",
            after={"development_plans": DevelopmentPlan.objects.filter(period=period).count()},
        )
    return lines
