"""Indonesian names of the screens the guides explain, for the "Halaman yang dijelaskan" links
of a guide and the search the "Bantuan" link falls back to. A page missing here is shown by its
address."""

from __future__ import annotations

PAGE_LABELS: dict[str, str] = {
    "core:home": "Beranda",
    "people:my_profile": "Profil saya",
    "people:my_team": "Tim saya",
    "people:employee_list": "Daftar pegawai",
    "people:employee_add": "Tambah pegawai",
    "people_import:upload": "Impor pegawai",
    "organization:agency_list": "Perangkat daerah",
    "periods:period_list": "Periode penilaian",
    "periods:period_open": "Buka periode",
    "planning:plan_list": "SKP",
    "planning:plan_start": "Mulai SKP",
    "planning:result_cascade": "Turunkan RHK",
    "planning:results_matrix": "Matriks peran hasil",
    "planning:completion": "Kemajuan SKP",
    "monitoring:realization_team": "Realisasi tim saya",
    "monitoring:feedback_index": "Umpan balik",
    "monitoring:feedback_give": "Beri umpan balik",
    "monitoring:feedback_request": "Minta umpan balik",
    "monitoring:dialogue_index": "Dialog kinerja",
    "monitoring:dialogue_schedule": "Jadwalkan dialog",
    "evaluation:evaluation_list": "Penilaian kinerja",
    "evaluation:evaluation_prepare": "Siapkan penilaian serentak",
    "evaluation:organization_rating_list": "Predikat kinerja organisasi",
    "evaluation:curve_index": "Kurva distribusi predikat",
    "evaluation:allowance_index": "Tambahan Penghasilan Pegawai (TPP)",
    "evaluation:allowance_scheme": "Skema TPP",
    "assessment:index": "Umpan balik 360",
    "assessment:cycle_create": "Putaran umpan balik 360 baru",
    "learning:index": "Pengembangan kompetensi",
    "learning:course_list": "Katalog pelatihan",
    "learning:competency_list": "Kamus kompetensi",
    "learning:needs_index": "Analisis kebutuhan pelatihan",
    "appeals:objection_list": "Keberatan",
    "appeals:objection_statistics": "Statistik keberatan",
    "audit:event_list": "Jejak audit",
    "notifications:inbox": "Kotak masuk",
    "surveys:index": "Survei kepuasan masyarakat",
    "engagement:hub": "Sosialisasi",
    "engagement:guide_index": "Bantuan",
    "engagement:announcement_list": "Pengumuman",
    "engagement:announcement_manage": "Kelola pengumuman",
    "engagement:perception_index": "Survei persepsi",
    "engagement:perception_rounds": "Putaran survei persepsi",
    "engagement:perception_results": "Hasil survei persepsi",
    "engagement:suggestion_list": "Kotak saran",
    "engagement:suggestion_manage": "Kelola kotak saran",
    "engagement:trial_list": "Periode uji coba",
}

NAMESPACE_WORDS: dict[str, str] = {
    "core": "beranda",
    "people": "pegawai",
    "people_import": "impor pegawai",
    "organization": "perangkat daerah",
    "periods": "periode",
    "planning": "SKP",
    "monitoring": "umpan balik",
    "evaluation": "penilaian",
    "assessment": "360",
    "learning": "pengembangan",
    "appeals": "keberatan",
    "audit": "audit",
    "notifications": "kotak masuk",
    "surveys": "survei",
    "accounts": "akun",
}
"""The word a search starts from when no guide explains a page of the namespace."""


def page_label(view_name: str) -> str:
    return PAGE_LABELS.get(view_name, "")


def search_word_for(view_name: str) -> str:
    label = PAGE_LABELS.get(view_name)
    if label:
        return label
    namespace = view_name.partition(":")[0]
    return NAMESPACE_WORDS.get(namespace, namespace.replace("_", " "))
