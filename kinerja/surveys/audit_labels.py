"""Indonesian labels of the surveys app's audit actions and of its non-field snapshot keys."""

from __future__ import annotations

from kinerja.core.audit_labels import audit_labels_register


def surveys_audit_labels_register() -> None:
    audit_labels_register(
        actions={
            "survey_service.created": "Jenis layanan ditambahkan",
            "survey_service.updated": "Jenis layanan diubah",
            "survey_population.set": "Populasi pengguna layanan ditetapkan",
            "survey_response.imported": "Jawaban survei kertas diimpor",
            "survey_suggestion.hidden": "Saran disembunyikan dari publik",
            "survey_suggestion.shown": "Saran ditampilkan kembali",
            "survey_followup.created": "Rencana tindak lanjut ditambahkan",
            "survey_followup.updated": "Rencana tindak lanjut diubah",
            "survey_followup.deleted": "Rencana tindak lanjut dihapus",
            "survey_kiosk.activated": "Perangkat kios survei diaktifkan",
            "service_standard.created": "Standar pelayanan dimulai",
            "service_standard.edited": "Draf standar pelayanan diubah",
            "service_standard.endorsed": "Draf standar pelayanan didukung",
            "service_standard.approved": "Standar pelayanan disetujui",
            "standard_proposal.created": "Usul perubahan standar pelayanan diajukan",
            "standard_proposal.accepted": "Usul perubahan standar pelayanan diterima",
            "standard_proposal.declined": "Usul perubahan standar pelayanan ditolak",
            "demo_surveys.seeded": "Data demo survei diisi",
        },
        entities={
            "survey_service": "Jenis layanan",
            "survey_population": "Populasi pengguna layanan",
            "survey_response": "Jawaban survei",
            "survey_followup": "Rencana tindak lanjut",
            "service_standard": "Standar pelayanan",
            "standard_proposal": "Usul perubahan standar pelayanan",
            "demo_surveys": "Data demo survei",
        },
        fields={"rows": "Jumlah baris", "components": "Komponen", "responses": "Jumlah jawaban"},
    )
