"""Demo suggestion box: four suggestions from demo users, three answered publicly by Rina
(Admin BKPSDM), one waiting for her answer (her home card). Through the services; idempotent by
title."""

from __future__ import annotations

from kinerja.accounts.demo_identities import (
    DEMO_AGENCY_ADMIN,
    DEMO_EMPLOYEE,
    DEMO_HR_ADMIN,
    DEMO_SUPERVISOR,
)
from kinerja.accounts.models import User
from kinerja.core.demo import DemoOptions
from kinerja.engagement.models import Suggestion
from kinerja.engagement.services.suggestions import suggestion_answer, suggestion_submit

SUGGESTIONS: tuple[tuple[str, str, str, str, str], ...] = (
    (
        DEMO_EMPLOYEE.username,
        "Contoh indikator SKP untuk pelaksana",
        "Mohon disediakan contoh indikator kinerja untuk jabatan pelaksana pelayanan, karena "
        "kami sering bingung membedakan output dan kegiatan.",
        "SKP",
        "Terima kasih. Contoh indikator per jenis jabatan sudah ditambahkan di Bantuan, bagian "
        "Panduan pegawai: menyusun SKP.",
    ),
    (
        DEMO_SUPERVISOR.username,
        "Pengingat sebelum batas penilaian",
        "Sebagai atasan saya ingin pengingat beberapa hari sebelum batas penilaian berakhir.",
        "Penilaian",
        "Pengingat kini dikirim tujuh dan dua hari sebelum batas, di kotak masuk dan surel.",
    ),
    (
        DEMO_AGENCY_ADMIN.username,
        "Unduh daftar pegawai yang belum mengisi realisasi",
        "Admin OPD perlu mengunduh daftar pegawai yang belum mengisi realisasi bulan ini agar "
        "bisa mengingatkan langsung.",
        "Realisasi",
        "Daftar itu sudah dapat diunduh sebagai XLSX dari halaman pemantauan perangkat daerah.",
    ),
    (
        DEMO_EMPLOYEE.username,
        "Tampilan ponsel untuk umpan balik",
        "Formulir umpan balik agak sulit diisi di ponsel; kotak teksnya terlalu kecil.",
        "Umpan balik",
        "",
    ),
)


def seed(options: DemoOptions) -> list[str]:
    """Create what is missing, change nothing that exists; return lines to print."""
    answerer = User.objects.filter(username=DEMO_HR_ADMIN.username).first()
    if answerer is None:
        return []
    created = 0
    for username, title, body, page, answer in SUGGESTIONS:
        author = User.objects.filter(username=username).first()
        if author is None or Suggestion.objects.filter(title=title).exists():
            continue
        item = suggestion_submit(actor=author, title=title, body=body, page=page)
        if answer:
            suggestion_answer(actor=answerer, suggestion=item, answer=answer, publish=True)
        created += 1
    return [f"Saran demo: {created} baru."] if created else []
