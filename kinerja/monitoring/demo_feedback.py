"""Demo feedback: threads between the demo supervisor (Sri Handayani, the appraiser) and the demo
employee (Agus Wibowo) in Dukcapil, written through the services (audited, notified).

- Sri gives Agus two feedback as his appraiser, both tagged komunikasi (one on a result of his
  current plan, one on the core value "Berorientasi Pelayanan"); Agus replies to the first and
  Sri answers in the same thread.
- Sri asks Agus, as a colleague, for feedback on her coaching (Kolaboratif): Agus answers it
  (a peer request answered); she asks him again on her work in general: he declines with a
  reason.
- Agus asks a colleague of his unit for feedback (left open) and asks Sri about a result
  (open, so her "Permintaan untuk saya" has one to answer).

Only the dates are written directly afterwards (`created_at` counted back from
`options.today`, so the lists read like weeks of use); everything else goes through the
services. Idempotent: nothing is written when Sri's feedback to Agus exists.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.utils import timezone

from kinerja.accounts.demo_identities import DEMO_EMPLOYEE, DEMO_SUPERVISOR
from kinerja.accounts.models import User
from kinerja.core.demo import DemoOptions
from kinerja.monitoring.models import Competency, Feedback, FeedbackRequest, FeedbackSubject
from kinerja.monitoring.selectors.feedback import feedback_colleagues_for, feedback_results_for
from kinerja.monitoring.services.feedback import (
    feedback_give,
    feedback_reply,
    feedback_request_create,
    feedback_request_decline,
)
from kinerja.people.models import Employee


def _backdate(obj: Feedback | FeedbackRequest, options: DemoOptions, days: int) -> None:
    when = timezone.make_aware(datetime.combine(options.today - timedelta(days=days), time(9)))
    type(obj)._default_manager.filter(pk=obj.pk).update(created_at=when, updated_at=when)


def demo_feedback(options: DemoOptions) -> list[str]:
    users = {
        u.username: u
        for u in User.objects.filter(
            username__in=[DEMO_EMPLOYEE.username, DEMO_SUPERVISOR.username]
        )
    }
    people = {e.nip: e for e in Employee.objects.filter(nip__in=list(users))}
    agus = people.get(DEMO_EMPLOYEE.username)
    sri = people.get(DEMO_SUPERVISOR.username)
    if agus is None or sri is None or len(users) < 2:
        return ["Akun demo pegawai/atasan tidak ditemukan; umpan balik demo dilewati."]
    if Feedback.objects.filter(employee=agus, author=sri).exists():
        return ["Umpan balik demo sudah ada."]
    agus_user, sri_user = users[DEMO_EMPLOYEE.username], users[DEMO_SUPERVISOR.username]

    result = feedback_results_for(employee_id=agus.pk).first()
    first = feedback_give(
        actor=sri_user,
        employee=agus,
        subject=FeedbackSubject.RESULT if result else FeedbackSubject.GENERAL,
        result=result,
        text=(
            "Saat rapat koordinasi perekaman KTP-el, paparan Anda runtut dan datanya lengkap, "
            "sehingga peserta cepat sepakat jadwal layanan keliling."
        ),
        example="Rapat koordinasi dengan kecamatan, pekan lalu.",
        suggestion=(
            "Bagikan ringkasan satu halaman sebelum rapat agar peserta bisa menyiapkan pertanyaan."
        ),
        competencies=[Competency.COMMUNICATION, Competency.TECHNICAL],
    )
    _backdate(first, options, 20)
    feedback_reply(
        actor=agus_user,
        feedback=first,
        text="Terima kasih, Bu. Untuk rapat berikutnya ringkasannya saya kirim sehari sebelumnya.",
    )
    feedback_reply(actor=sri_user, feedback=first, text="Baik, kirimkan juga ke Kasi lain.")
    second = feedback_give(
        actor=sri_user,
        employee=agus,
        subject=FeedbackSubject.CORE_VALUE,
        core_value="BERORIENTASI_PELAYANAN",
        text=(
            "Di loket, penjelasan Anda kepada warga lansia tentang syarat pindah datang masih "
            "terlalu cepat; warga kembali bertanya ke petugas lain."
        ),
        suggestion="Ulangi poin penting dan tanyakan apakah warga sudah paham sebelum menutup.",
        competencies=[Competency.COMMUNICATION, Competency.SERVICE],
    )
    _backdate(second, options, 6)

    asked_of_agus = feedback_request_create(
        actor=sri_user,
        asked=agus,
        subject=FeedbackSubject.CORE_VALUE,
        core_value="KOLABORATIF",
        message="Bagaimana cara saya membagi tugas di seksi menurut Anda?",
    )
    _backdate(asked_of_agus, options, 15)
    answer = feedback_give(
        actor=agus_user,
        employee=sri,
        request=asked_of_agus,
        subject=FeedbackSubject.CORE_VALUE,
        core_value="KOLABORATIF",
        text=(
            "Pembagian tugas dalam apel pagi Senin jelas; saat ada tugas mendadak dari bidang, "
            "kami baru tahu lewat grup pesan sehingga yang sedang di loket tertinggal."
        ),
        suggestion="Sampaikan tugas mendadak juga ke petugas loket secara langsung.",
        competencies=[Competency.LEADERSHIP, Competency.TEAMWORK],
    )
    _backdate(answer, options, 13)
    declined = feedback_request_create(
        actor=sri_user,
        asked=agus,
        subject=FeedbackSubject.GENERAL,
        message="Masukan umum tentang kepemimpinan saya selama triwulan ini.",
    )
    _backdate(declined, options, 10)
    feedback_request_decline(
        actor=agus_user,
        request=declined,
        reason="Saya sudah memberi masukan pekan lalu; mohon tanyakan juga rekan lain di seksi.",
    )

    lines = [
        f"Umpan balik demo: {DEMO_SUPERVISOR.name} memberi {DEMO_EMPLOYEE.name} 2 umpan balik "
        "(komunikasi) dengan tanggapan; satu permintaan dijawab, satu ditolak."
    ]
    colleague = next((e for e in feedback_colleagues_for(employee_id=agus.pk) if e != sri), None)
    if colleague is not None:
        waiting = feedback_request_create(
            actor=agus_user,
            asked=colleague,
            subject=FeedbackSubject.GENERAL,
            message="Mohon masukan tentang cara saya melayani antrean pagi.",
        )
        _backdate(waiting, options, 3)
        lines.append(
            f"Permintaan umpan balik {DEMO_EMPLOYEE.name} → {colleague.full_name} menunggu."
        )
    if result is not None:
        to_sri = feedback_request_create(
            actor=agus_user,
            asked=sri,
            subject=FeedbackSubject.RESULT,
            result=result,
            message="Apakah laporan bulanan saya sudah cukup untuk bukti dukung?",
        )
        _backdate(to_sri, options, 1)
        lines.append(f"Permintaan umpan balik {DEMO_EMPLOYEE.name} → {sri.full_name} menunggu.")
    return lines
