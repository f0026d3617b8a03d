"""Demo announcements: two to the whole city (one important, about the trial period and the
perception survey), one to Dinas Dukcapil only (Agus's agency: he sees it on his home page),
one to the role Atasan. Rina (Admin BKPSDM) writes and publishes them through the services;
read receipts are written for every other user of each audience (never Agus, the demo
employee, who finds them all unread on his home page), so the read rates are not zero.
Idempotent by title."""

from __future__ import annotations

from typing import Any

from kinerja.accounts.demo_identities import DEMO_EMPLOYEE, DEMO_HR_ADMIN, DUKCAPIL_CODE
from kinerja.accounts.models import User
from kinerja.core.demo import DemoOptions
from kinerja.engagement.models import Announcement, AnnouncementRead, Audience, AudienceRole
from kinerja.engagement.selectors.announcements import audience_users
from kinerja.engagement.services.announcements import announcement_create, announcement_publish
from kinerja.organization.models import Agency

ANNOUNCEMENTS: tuple[dict[str, Any], ...] = (
    {
        "title": "Uji coba Kinerja dan survei persepsi: mohon partisipasi Anda",
        "body": (
            "Periode ini Kinerja berjalan sebagai **uji coba** di beberapa perangkat daerah. Hasil "
            "penilaian uji coba diberi label *uji coba*, tidak masuk ekspor dan tidak dipakai "
            "untuk tambahan penghasilan.\n\n"
            "Di akhir periode Anda akan diminta mengisi **survei persepsi** (anonim, sekitar lima "
            "menit) tentang kejelasan, keadilan dan manfaat penilaian. Jawaban Anda membantu "
            "BKPSDM memperbaiki sistem sebelum berlaku penuh."
        ),
        "audience": Audience.CITY,
        "is_important": True,
    },
    {
        "title": "Kotak saran Kinerja sudah dibuka",
        "body": (
            "Ada yang membingungkan atau kurang? Kirim saran lewat menu **Kotak saran**. BKPSDM "
            "menjawab setiap saran; jawaban ditayangkan untuk semua tanpa nama pengirim."
        ),
        "audience": Audience.CITY,
    },
    {
        "title": "Sosialisasi penyusunan SKP di Dinas Dukcapil",
        "body": (
            "Sosialisasi penyusunan SKP dan pengisian realisasi bagi seluruh pegawai Dinas "
            "Kependudukan dan Pencatatan Sipil diadakan Senin depan pukul 09.00 di aula lantai 2."
            "\n\n- Bawa laptop atau ponsel\n- Pastikan Anda sudah bisa masuk ke Kinerja"
        ),
        "audience": Audience.AGENCY,
        "agency_code": DUKCAPIL_CODE,
    },
    {
        "title": "Untuk atasan: jadwalkan dialog kinerja triwulan ini",
        "body": (
            "Pejabat penilai diminta menjadwalkan dialog kinerja dengan setiap pegawai yang "
            "dinilainya sebelum akhir triwulan dan mencatat hasilnya di Kinerja."
        ),
        "audience": Audience.ROLE,
        "role": AudienceRole.ATASAN,
    },
)


def seed(options: DemoOptions) -> list[str]:
    """Create what is missing, change nothing that exists; return lines to print."""
    author = User.objects.filter(username=DEMO_HR_ADMIN.username).first()
    if author is None:
        return []
    unread_for = set(
        User.objects.filter(username=DEMO_EMPLOYEE.username).values_list("pk", flat=True)
    )
    created = 0
    for spec in ANNOUNCEMENTS:
        if Announcement.objects.filter(title=spec["title"]).exists():
            continue
        agency = None
        if "agency_code" in spec:
            agency = Agency.objects.filter(code=spec["agency_code"]).first()
            if agency is None:
                continue
        item = announcement_create(
            actor=author,
            title=spec["title"],
            body=spec["body"],
            audience=spec["audience"],
            agency=agency,
            role=spec.get("role", ""),
            is_important=spec.get("is_important", False),
        )
        item = announcement_publish(actor=author, announcement=item)
        readers = [
            pk
            for pk in list(audience_users(item).order_by("pk").values_list("pk", flat=True))[1::2]
            if pk not in unread_for
        ]
        AnnouncementRead.objects.bulk_create(
            [AnnouncementRead(announcement=item, user_id=pk) for pk in readers],
            ignore_conflicts=True,
        )
        created += 1
    return [f"Pengumuman demo: {created} baru."] if created else []
