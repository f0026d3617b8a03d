"""Indonesian labels of the planning app's audit actions and of its non-field snapshot keys."""

from __future__ import annotations

from kinerja.core.audit_labels import audit_labels_register


def planning_audit_labels_register() -> None:
    audit_labels_register(
        actions={
            "plan.started": "SKP dimulai",
            "plan.updated": "Lampiran SKP diubah",
            "plan.expectation_set": "Ekspektasi khusus pimpinan ditulis",
            "plan.submitted": "SKP diajukan",
            "plan.returned": "SKP dikembalikan",
            "plan.approved": "SKP disetujui",
            "plan.revision_started": "Revisi SKP dimulai",
            "plan.copied": "SKP disalin dari tahun lalu",
            "plan.ended": "SKP diakhiri karena pindah jabatan",
            "result.added": "RHK ditambahkan",
            "result.updated": "RHK diubah",
            "result.removed": "RHK dihapus",
            "result.cascaded": "RHK diturunkan kepada bawahan",
            "indicator.added": "IKI ditambahkan",
            "indicator.updated": "IKI diubah",
            "indicator.removed": "IKI dihapus",
            "demo_plans.seeded": "Data demo SKP diisi",
        },
        entities={
            "plan": "SKP",
            "result": "Rencana hasil kerja (RHK)",
            "indicator": "Indikator kinerja individu (IKI)",
            "demo_plans": "Data demo SKP",
        },
        fields={
            "note": "Catatan",
            "reason": "Alasan",
            "core_value": "Nilai dasar",
            "copied_from_id": "Disalin dari SKP",
            "results": "Jumlah RHK",
            "indicators": "Jumlah IKI",
            "added_result_ids": "RHK yang ditambahkan",
            "started_plan_ids": "SKP yang dimulai",
            "skipped": "Dilewati",
            "period_id": "Periode penilaian",
            "employee_id": "Pegawai",
            "position_id": "Jabatan",
            "appraiser_id": "Pejabat penilai",
            "plan_id": "SKP",
            "parent_id": "RHK atasan yang diintervensi",
            "goal_id": "Sasaran strategis",
            "result_id": "Rencana hasil kerja",
            "service_unit_id": "Unit layanan",
        },
    )
