"""Indonesian labels of the learning app's audit actions and snapshot keys."""

from __future__ import annotations

from kinerja.core.audit_labels import audit_labels_register


def learning_audit_labels_register() -> None:
    audit_labels_register(
        actions={
            "competency.saved": "Kompetensi disimpan",
            "training_course.saved": "Pelatihan katalog disimpan",
            "training_courses.imported": "Katalog pelatihan diimpor",
            "development_plan.opened": "Rencana pengembangan dibuat",
            "development_plan.proposed": "Rencana pengembangan diajukan",
            "development_plan.agreed": "Rencana pengembangan disepakati",
            "development_plan.returned": "Rencana pengembangan dikembalikan",
            "development_plan.coaching_required": "Bimbingan kinerja diwajibkan",
            "development_item.added": "Kegiatan pengembangan ditambahkan",
            "development_item.removed": "Kegiatan pengembangan dihapus",
            "development_item.completed": "Kegiatan pengembangan dicatat selesai",
            "development_item.confirmed": "Kegiatan pengembangan dikonfirmasi",
            "development_item.rejected": "Konfirmasi kegiatan pengembangan ditolak",
            "development_certificate.downloaded": "Sertifikat diunduh",
            "training_needs.downloaded": "Analisis kebutuhan pelatihan diunduh",
            "demo_learning.seeded": "Data demo pengembangan kompetensi diisi",
        },
        entities={
            "competency": "Kompetensi",
            "training_course": "Pelatihan",
            "training_courses": "Katalog pelatihan",
            "development_plan": "Rencana pengembangan",
            "development_item": "Kegiatan pengembangan",
            "development_certificate": "Sertifikat",
            "training_needs": "Analisis kebutuhan pelatihan",
            "demo_learning": "Data demo pengembangan kompetensi",
        },
        fields={
            "competency_ids": "Kompetensi",
            "position_kinds": "Jenis jabatan",
            "items": "Kegiatan",
            "jp_planned": "JP direncanakan",
            "jp_earned": "JP diperoleh",
            "certificate": "Sertifikat",
            "trigger_evaluation_id": "Penilaian pemicu",
            "dialogue_ids": "Dialog bimbingan",
            "rows": "Baris",
            "item_id": "Kegiatan pengembangan",
            "dialogue_id": "Dialog bimbingan",
            "version": "Versi",
            "counts": "Jumlah",
            "certificate_sha256": "SHA-256 sertifikat",
            "reject_reason": "Alasan konfirmasi ditolak",
            "created": "Dibuat",
            "updated": "Diubah",
        },
    )
