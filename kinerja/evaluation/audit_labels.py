"""Indonesian labels of the evaluation app's audit actions and snapshot keys."""

from __future__ import annotations

from kinerja.core.audit_labels import audit_labels_register


def evaluation_audit_labels_register() -> None:
    audit_labels_register(
        actions={
            "evaluation.started": "Penilaian dimulai",
            "evaluation.saved": "Penilaian disimpan",
            "evaluation.rated": "Hasil penilaian ditetapkan",
            "evaluation.acknowledged": "Hasil penilaian diterima pegawai",
            "evaluations.prepared": "Penilaian disiapkan serentak",
            "organization_rating.set": "Predikat kinerja organisasi ditetapkan",
            "calibration.opened": "Sesi kalibrasi dibuka",
            "calibration.moved": "Rating digeser dalam kalibrasi",
            "calibration.locked": "Hasil penilaian dikunci",
            "allowance_scheme.saved": "Skema TPP disimpan",
            "attendance.recorded": "Kehadiran bulanan dicatat",
            "attendance.imported": "Kehadiran bulanan diimpor",
            "evaluation_documents.started": "Dokumen penilaian dibuat serentak",
            "evaluation_export.downloaded": "Ekspor penilaian diunduh",
            "allowance_sheet.downloaded": "Lembar TPP diunduh",
            "demo_evaluations.seeded": "Data demo penilaian diisi",
        },
        entities={
            "evaluation": "Penilaian kinerja",
            "evaluations": "Penilaian kinerja",
            "organization_rating": "Predikat kinerja organisasi",
            "calibration": "Sesi kalibrasi",
            "allowance_scheme": "Skema TPP",
            "attendance": "Kehadiran bulanan",
            "evaluation_documents": "Dokumen penilaian",
            "evaluation_export": "Ekspor penilaian",
            "allowance_sheet": "Lembar TPP",
            "demo_evaluations": "Data demo penilaian",
        },
        fields={
            "results_rating": "Rating hasil kerja",
            "results_suggestion": "Saran rating hasil kerja",
            "results_reason": "Alasan rating hasil kerja",
            "behavior_rating": "Rating perilaku kerja",
            "behavior_suggestion": "Saran rating perilaku kerja",
            "behavior_reason": "Alasan rating perilaku kerja",
            "predikat": "Predikat",
            "early_reason": "Alasan menilai lebih awal",
            "result_ratings": "Rating per RHK",
            "behavior_ratings": "Rating per nilai dasar",
            "field": "Rating",
            "before": "Sebelum",
            "after": "Sesudah",
            "predikat_before": "Predikat sebelum",
            "predikat_after": "Predikat sesudah",
            "justification": "Justifikasi",
            "violations": "Penyimpangan distribusi",
            "planning_note": "Rekomendasi unit perencanaan",
            "hr_note": "Rekomendasi unit kepegawaian",
            "audit_note": "Rekomendasi unit pengawasan",
            "window_id": "Evaluasi periodik",
            "agency_id": "Perangkat daerah",
            "period_id": "Periode penilaian",
            "evaluation_id": "Penilaian",
            "locked": "Jumlah penilaian dikunci",
            "working_days": "Hari kerja",
            "present_days": "Hari hadir",
        },
    )
