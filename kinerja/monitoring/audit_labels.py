"""Indonesian labels of the monitoring app's audit actions and snapshot keys."""

from __future__ import annotations

from kinerja.core.audit_labels import audit_labels_register


def monitoring_audit_labels_register() -> None:
    audit_labels_register(
        actions={
            "realization.saved": "Realisasi disimpan",
            "realization.submitted": "Realisasi diajukan",
            "realization.returned": "Realisasi dikembalikan",
            "realization.accepted": "Realisasi diterima",
            "evidence.added": "Bukti dukung ditambahkan",
            "evidence.removed": "Bukti dukung dihapus",
            "evidence.altered": "Bukti dukung ditemukan berubah",
            "feedback.given": "Umpan balik diberikan",
            "feedback.replied": "Umpan balik ditanggapi",
            "feedback_request.created": "Umpan balik diminta",
            "feedback_request.declined": "Permintaan umpan balik ditolak",
            "feedback_request.withdrawn": "Permintaan umpan balik dibatalkan",
            "dialogue.scheduled": "Dialog kinerja dijadwalkan",
            "dialogue.recorded": "Dialog kinerja dicatat",
            "dialogue.updated": "Dialog kinerja diubah",
            "dialogue.cancelled": "Dialog kinerja dibatalkan",
            "dialogue_action.added": "Tindak lanjut disepakati",
            "dialogue_action.done": "Tindak lanjut diselesaikan",
            "dialogue_action.reopened": "Tindak lanjut dibuka kembali",
            "coaching_feedback.submitted": "Umpan balik bimbingan diisi",
            "demo_monitoring.seeded": "Data demo pemantauan diisi",
        },
        entities={
            "realization": "Realisasi",
            "evidence": "Bukti dukung",
            "feedback": "Umpan balik",
            "feedback_request": "Permintaan umpan balik",
            "dialogue": "Dialog kinerja",
            "dialogue_action": "Tindak lanjut dialog",
            "coaching_feedback": "Umpan balik bimbingan",
            "demo_monitoring": "Data demo pemantauan",
        },
        fields={
            "value": "Realisasi",
            "description": "Uraian hasil",
            "achievement": "Capaian (%)",
            "state": "Status",
            "revision": "Pengajuan ke",
            "return_reason": "Alasan dikembalikan",
            "indicator_id": "IKI",
            "window_id": "Evaluasi periodik",
            "realization_id": "Realisasi",
            "sha256": "SHA-256",
            "size": "Ukuran (bita)",
            "content_type": "Jenis isi",
            "original_name": "Nama berkas asli",
            "link": "Tautan",
            "employee_id": "Pegawai",
            "author_id": "Pemberi umpan balik",
            "asked_id": "Diminta kepada",
            "subject": "Tentang",
            "competencies": "Kompetensi",
            "scheduled_at": "Waktu",
            "kind": "Jenis",
            "owner_id": "Penanggung jawab",
            "due_date": "Batas waktu",
        },
    )
