"""Indonesian labels of the appeals app's audit actions and snapshot keys."""

from __future__ import annotations

from kinerja.core.audit_labels import audit_labels_register


def appeals_audit_labels_register() -> None:
    audit_labels_register(
        actions={
            "objection.filed": "Keberatan diajukan",
            "objection.explained": "Penjelasan pejabat penilai diberikan",
            "objection.answered": "Tanggapan pegawai atas penjelasan",
            "objection.decided": "Keberatan diputus",
            "objection.withdrawn": "Keberatan dicabut",
            "objection_attachment.downloaded": "Lampiran keberatan diunduh",
            "evaluation.changed_by_objection": "Hasil penilaian diubah oleh keputusan keberatan",
            "evaluation.locked_by_objection": "Hasil penilaian dikunci oleh keputusan keberatan",
            "demo_objections.seeded": "Data demo keberatan diisi",
        },
        entities={
            "objection": "Keberatan",
            "objection_attachment": "Lampiran keberatan",
            "demo_objections": "Data demo keberatan",
        },
        fields={
            "subject": "Yang diajukan keberatan",
            "statement": "Alasan keberatan",
            "requested": "Hasil yang diminta",
            "deadline": "Batas pengajuan",
            "decider_id": "Atasan pejabat penilai",
            "decider_is_mayor": "Diputus Wali Kota",
            "decider_note": "Dasar penentuan atasan",
            "attachments": "Lampiran",
            "explanation": "Penjelasan pejabat penilai",
            "answer": "Tanggapan pegawai",
            "decision": "Keputusan",
            "decision_reason": "Pertimbangan keputusan",
            "withdrawn_reason": "Alasan pencabutan",
            "objection_id": "Keberatan",
            "objections": "Jumlah keberatan",
        },
    )
