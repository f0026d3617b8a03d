"""Demo dialogues between the demo supervisor (DEMO_SUPERVISOR, the appraiser) and the demo
employee (DEMO_EMPLOYEE), and one with another member of her team. Idempotent: nothing is
added once the two demo logins have a dialogue.

- Written directly, with past dates (services refuse an action due in the past, and the
  demo wants history): a coaching dialogue five weeks ago with its coaching feedback filled,
  one action done and one still open past its due date (overdue); a check-in with another team
  member three weeks ago, its action done. One audit event `demo_monitoring.seeded` records
  them.
- Through the services (audited, notified): a coaching dialogue recorded a week ago with two
  open actions and no coaching feedback yet, and a check-in scheduled next week at 09.00.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from kinerja.accounts.demo_identities import DEMO_EMPLOYEE, DEMO_SUPERVISOR
from kinerja.audit.services import audit_record
from kinerja.core.demo import DemoOptions
from kinerja.monitoring.models import (
    COACHING_ITEMS,
    CoachingFeedback,
    DialogueAction,
    DialogueKind,
    DialogueState,
    PerformanceDialogue,
)
from kinerja.monitoring.services.dialogues import (
    ActionDraft,
    dialogue_record,
    dialogue_schedule,
)
from kinerja.people.models import Employee
from kinerja.people.permissions import team_chain_of
from kinerja.periods.selectors import period_current
from kinerja.planning.models import PerformancePlan

FEEDBACK_ANSWERS = dict(zip(COACHING_ITEMS, (5, 4, 5, 4, 4, 3, 4, 5, 5), strict=True))


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _plan_id(employee_id: int, day: date) -> int | None:
    period = period_current(day=day)
    if period is None:
        return None
    return (
        PerformancePlan.objects.filter(employee_id=employee_id, period=period)
        .values_list("pk", flat=True)
        .first()
    )


def _past_rows(
    employee: Employee, supervisor: Employee, other: Employee | None, today: date
) -> int:
    """Past dialogues written directly (dates before what the services accept)."""
    coached_on = today - timedelta(days=35)
    coaching = PerformanceDialogue.objects.create(
        employee=employee,
        appraiser=supervisor,
        plan_id=_plan_id(employee.pk, coached_on),
        kind=DialogueKind.COACHING,
        state=DialogueState.DONE,
        scheduled_at=_at(coached_on, 9),
        held_at=_at(coached_on, 9),
        place="Ruang Kepala Seksi Identitas Penduduk",
        agenda="Kendala penerbitan KTP-el dan cara menyampaikan data di rapat.",
        notes=(
            "Capaian penerbitan KTP-el di bawah target karena blangko terlambat. Laporan di "
            "rapat mingguan perlu ringkas: mulai dari angka, lalu kendala dan usulan."
        ),
    )
    DialogueAction.objects.create(
        dialogue=coaching,
        text="Menyusun format ringkasan laporan mingguan satu halaman.",
        owner=employee,
        due_date=coached_on + timedelta(days=14),
        done_at=_at(coached_on + timedelta(days=12), 15),
        done_note="Format dipakai sejak rapat minggu lalu.",
    )
    DialogueAction.objects.create(
        dialogue=coaching,
        text="Mengikuti pelatihan komunikasi efektif di BKPSDM.",
        owner=employee,
        due_date=today - timedelta(days=5),
    )
    feedback = CoachingFeedback.objects.create(
        dialogue=coaching,
        comment="Saya jadi tahu urutan laporan yang diharapkan.",
        **FEEDBACK_ANSWERS,
    )
    # submitted_at is set on creation; the demo dates it two days after the session.
    CoachingFeedback.objects.filter(pk=feedback.pk).update(
        submitted_at=_at(coached_on + timedelta(days=2), 8)
    )
    count = 1
    if other is not None:
        met_on = today - timedelta(days=21)
        check_in = PerformanceDialogue.objects.create(
            employee=other,
            appraiser=supervisor,
            plan_id=_plan_id(other.pk, met_on),
            kind=DialogueKind.CHECK_IN,
            state=DialogueState.DONE,
            scheduled_at=_at(met_on, 10),
            held_at=_at(met_on, 10),
            place="Daring (Zoom)",
            agenda="Capaian bulan lalu.",
            notes="Capaian sesuai rencana; arsip digital perlu dirapikan.",
        )
        DialogueAction.objects.create(
            dialogue=check_in,
            text="Merapikan arsip digital permohonan pindah datang.",
            owner=other,
            due_date=met_on + timedelta(days=10),
            done_at=_at(met_on + timedelta(days=9), 14),
        )
        count += 1
    return count


def demo_dialogues(options: DemoOptions) -> list[str]:
    users = {
        u.username: u
        for u in get_user_model().objects.filter(
            username__in=[DEMO_EMPLOYEE.username, DEMO_SUPERVISOR.username]
        )
    }
    people = {e.user_id: e for e in Employee.objects.filter(user__in=list(users.values()))}
    employee_user = users.get(DEMO_EMPLOYEE.username)
    supervisor_user = users.get(DEMO_SUPERVISOR.username)
    if employee_user is None or supervisor_user is None:
        return ["Akun demo pegawai/atasan tidak ditemukan; dialog kinerja demo dilewati."]
    employee, supervisor = people.get(employee_user.pk), people.get(supervisor_user.pk)
    if employee is None or supervisor is None:
        return ["Data pegawai akun demo tidak ditemukan; dialog kinerja demo dilewati."]
    if PerformanceDialogue.objects.filter(employee=employee, appraiser=supervisor).exists():
        return ["Dialog kinerja demo sudah ada."]
    chain = team_chain_of(supervisor_user, day=options.today)
    team = [h.employee_id for h in chain.subordinates] if chain else []
    if employee.pk not in team:
        return [f"{DEMO_EMPLOYEE.name} bukan bawahan {DEMO_SUPERVISOR.name}; dialog demo dilewati."]
    other = Employee.objects.filter(pk__in=[pk for pk in team if pk != employee.pk]).first()
    today = options.today
    with transaction.atomic():
        written = _past_rows(employee, supervisor, other, today)
        audit_record(
            actor=None,
            action="demo_monitoring.seeded",
            after={"part": "dialogues", "dialogues": written},
        )
    due = today + timedelta(days=14)
    dialogue_record(
        actor=supervisor_user,
        employee=employee,
        kind=DialogueKind.COACHING,
        held_at=min(_at(today - timedelta(days=7), 13), timezone.now()),
        place="Ruang rapat Bidang Pelayanan",
        agenda="Tindak lanjut bimbingan bulan lalu.",
        notes="Laporan mingguan sudah ringkas. Pelatihan komunikasi belum diikuti: jadwal bentrok.",
        actions=[
            ActionDraft(
                text="Mendaftar pelatihan komunikasi efektif angkatan berikutnya.",
                owner=employee,
                due_date=due,
            ),
            ActionDraft(
                text="Mengatur jadwal piket loket agar pegawai dapat mengikuti pelatihan.",
                owner=supervisor,
                due_date=due,
            ),
        ],
    )
    scheduled_at = _at(today + timedelta(days=7), 9)
    if scheduled_at > timezone.now():
        dialogue_schedule(
            actor=supervisor_user,
            employee=employee,
            kind=DialogueKind.CHECK_IN,
            scheduled_at=scheduled_at,
            place="Ruang Kepala Seksi Identitas Penduduk",
            agenda="Capaian bulan ini dan persiapan evaluasi periodik.",
        )
    return [
        f"Dialog kinerja demo: {written + 2} dialog {DEMO_SUPERVISOR.name} dengan timnya "
        "(bimbingan dengan umpan balik, bimbingan menunggu umpan balik, satu dijadwalkan "
        "minggu depan); tindak lanjut terbuka, selesai, dan satu lewat batas waktu."
    ]
