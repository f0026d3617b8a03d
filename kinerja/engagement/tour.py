"""The first-login tour: a few plain pages per role (no JavaScript), each naming one screen of
Kinerja and linking to it. `/tur/` is step 1; the user skips or finishes it once
(`services.guides.tour_record`)."""

from __future__ import annotations

from dataclasses import dataclass

from kinerja.engagement.models import AudienceRole


@dataclass(frozen=True)
class TourStep:
    title: str
    text: str
    url_name: str
    """A URL name reversible without arguments: the screen the step introduces."""
    link_label: str


_HOME = TourStep(
    "Beranda: tugas saya",
    "Beranda mengumpulkan semua yang menunggu Anda: tugas yang jatuh tempo minggu ini, yang "
    "perlu tindakan Anda dan yang menunggu pihak lain. Mulailah dari sini setiap kali masuk.",
    "core:home",
    "Buka beranda",
)
_HELP = TourStep(
    "Bantuan di setiap halaman",
    "Di kanan atas setiap halaman ada tautan “Bantuan untuk halaman ini” yang membuka panduan "
    "halaman itu. Semua panduan dan tanya jawab ada di menu Bantuan, bersama pengumuman, kotak "
    "saran dan survei persepsi.",
    "engagement:guide_index",
    "Buka Bantuan",
)

TOUR_STEPS: dict[str, tuple[TourStep, ...]] = {
    AudienceRole.PEGAWAI: (
        _HOME,
        TourStep(
            "SKP: rencana kinerja Anda",
            "Di menu SKP Anda menyusun rencana hasil kerja dan indikatornya untuk periode "
            "berjalan, lalu menekan “Ajukan” agar pejabat penilai menyetujuinya.",
            "planning:plan_list",
            "Buka SKP",
        ),
        TourStep(
            "Umpan balik dan dialog",
            "Sepanjang tahun Anda dapat meminta umpan balik dari atasan atau rekan "
            "(“Minta umpan balik”) dan melihat catatan dialog kinerja bersama atasan.",
            "monitoring:feedback_index",
            "Buka umpan balik",
        ),
        TourStep(
            "Penilaian dan keberatan",
            "Di akhir periode hasil penilaian muncul di menu Penilaian, lengkap dengan "
            "“Bagaimana nilai saya dihitung”. Bila tidak sepakat, Anda dapat mengajukan keberatan "
            "dalam 14 hari.",
            "evaluation:evaluation_list",
            "Buka penilaian",
        ),
        TourStep(
            "Pengembangan kompetensi",
            "Rencana pengembangan Anda (paling sedikit 20 JP setahun) disusun bersama atasan di "
            "menu Pengembangan.",
            "learning:index",
            "Buka pengembangan",
        ),
        _HELP,
    ),
    AudienceRole.ATASAN: (
        _HOME,
        TourStep(
            "Tim saya",
            "Tim saya memuat pegawai yang Anda bina hari ini. Dari sini Anda membuka SKP, "
            "realisasi dan penilaian mereka.",
            "people:my_team",
            "Buka tim saya",
        ),
        TourStep(
            "Menyetujui SKP dan realisasi",
            "SKP yang diajukan bawahan menunggu Anda di beranda: buka, beri komentar, lalu "
            "“Setujui” atau “Kembalikan”. Realisasi tim Anda diputuskan di halaman Realisasi tim.",
            "monitoring:realization_team",
            "Buka realisasi tim",
        ),
        TourStep(
            "Umpan balik dan dialog kinerja",
            "Beri umpan balik kapan saja (“Beri umpan balik”) dan jadwalkan dialog kinerja "
            "berkala dengan setiap bawahan.",
            "monitoring:dialogue_index",
            "Buka dialog kinerja",
        ),
        TourStep(
            "Menilai dan menjawab keberatan",
            "Di akhir periode Anda menetapkan predikat di menu Penilaian. Keberatan pegawai atas "
            "nilai Anda muncul di menu Keberatan untuk Anda jawab.",
            "evaluation:evaluation_list",
            "Buka penilaian",
        ),
        _HELP,
    ),
    AudienceRole.ADMIN_OPD: (
        _HOME,
        TourStep(
            "Pegawai perangkat daerah Anda",
            "Anda mengelola data pegawai dan jabatan perangkat daerah Anda: tambah pegawai, "
            "pindahkan, catat Plt.",
            "people:employee_list",
            "Buka daftar pegawai",
        ),
        TourStep(
            "Kemajuan SKP",
            "Pantau berapa SKP yang sudah disusun, diajukan dan disetujui di perangkat daerah "
            "Anda, lalu ingatkan yang tertinggal.",
            "planning:completion",
            "Buka kemajuan SKP",
        ),
        TourStep(
            "Pengumuman",
            "Kirim pengumuman kepada pegawai perangkat daerah Anda dan lihat siapa yang sudah "
            "membacanya.",
            "engagement:announcement_manage",
            "Buka pengumuman",
        ),
        _HELP,
    ),
    AudienceRole.ADMIN_BKPSDM: (
        _HOME,
        TourStep(
            "Periode penilaian",
            "Buka periode penilaian tahunan, atur tahapannya, dan tandai periode uji coba "
            "untuk perangkat daerah yang baru memulai.",
            "periods:period_list",
            "Buka periode",
        ),
        TourStep(
            "Pegawai dan impor",
            "Data pegawai seluruh kota diperbarui lewat impor XLSX atau CSV; setiap baris yang "
            "ditolak disebutkan alasannya.",
            "people_import:upload",
            "Buka impor pegawai",
        ),
        TourStep(
            "Kurva, TPP dan ekspor",
            "Setelah penilaian, periksa kurva distribusi predikat, siapkan TPP, lalu ekspor ke "
            "e-Kinerja.",
            "evaluation:curve_index",
            "Buka kurva distribusi",
        ),
        TourStep(
            "Sosialisasi",
            "Pengumuman, panduan, survei persepsi, kotak saran dan periode uji coba dikelola dari "
            "halaman Sosialisasi.",
            "engagement:hub",
            "Buka Sosialisasi",
        ),
        _HELP,
    ),
    AudienceRole.PIMPINAN: (
        _HOME,
        TourStep(
            "Kemajuan SKP kota",
            "Lihat kemajuan penyusunan SKP di setiap perangkat daerah.",
            "planning:completion",
            "Buka kemajuan SKP",
        ),
        TourStep(
            "Kurva distribusi predikat",
            "Bandingkan sebaran predikat kinerja antar perangkat daerah.",
            "evaluation:curve_index",
            "Buka kurva distribusi",
        ),
        TourStep(
            "Statistik keberatan",
            "Jumlah keberatan, lama penyelesaian dan hasilnya per perangkat daerah.",
            "appeals:objection_statistics",
            "Buka statistik keberatan",
        ),
        _HELP,
    ),
    AudienceRole.INSPEKTORAT: (
        _HOME,
        TourStep(
            "Jejak audit",
            "Setiap perubahan di Kinerja tercatat di jejak audit: siapa, kapan, apa sebelum dan "
            "sesudahnya. Anda dapat membaca dan memverifikasi rantainya.",
            "audit:event_list",
            "Buka jejak audit",
        ),
        TourStep(
            "Statistik keberatan",
            "Keberatan atas penilaian per perangkat daerah, untuk melihat pola yang perlu "
            "diperiksa.",
            "appeals:objection_statistics",
            "Buka statistik keberatan",
        ),
        TourStep(
            "Kurva distribusi predikat",
            "Sebaran predikat per perangkat daerah dan hasil kalibrasinya.",
            "evaluation:curve_index",
            "Buka kurva distribusi",
        ),
        _HELP,
    ),
}


def tour_steps_for(role: AudienceRole | str | None) -> tuple[TourStep, ...]:
    """The steps of a role's tour; none for a user without a role."""
    return TOUR_STEPS.get(str(role), ()) if role else ()
