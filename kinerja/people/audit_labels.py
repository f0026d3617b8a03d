"""Indonesian labels of the people app's audit actions and of its non-field snapshot keys."""

from __future__ import annotations

from kinerja.core.audit_labels import audit_labels_register


def people_audit_labels_register() -> None:
    audit_labels_register(
        actions={
            "employee.created": "Pegawai ditambahkan",
            "employee.updated": "Data pegawai diubah",
            "employee.moved": "Pegawai dipindahkan",
            "assignment.started": "Penugasan dimulai",
            "assignment.ended": "Penugasan diakhiri",
            "employee_import.applied": "Impor pegawai diterapkan",
            "demo_city.seeded": "Data demo kota diisi",
        },
        entities={
            "employee": "Pegawai",
            "assignment": "Penugasan",
            "employee_import": "Impor pegawai",
            "demo_city": "Data demo kota",
        },
        fields={
            "assignment_ids": "Penugasan yang diakhiri",
            "file_name": "Nama berkas",
            "sha256": "Sidik berkas (SHA-256)",
            "rows": "Jumlah baris",
            "employees_created": "Pegawai ditambahkan",
            "employees_updated": "Pegawai diperbarui",
            "employees_unchanged": "Pegawai tidak berubah",
            "positions_created": "Jabatan ditambahkan",
            "assignments_created": "Penugasan ditambahkan",
            "assignments_updated": "Penugasan diperbarui",
            "assignments_closed": "Penugasan diakhiri",
            "created_nips": "NIP ditambahkan",
            "updated_nips": "NIP diperbarui",
            "seed": "Benih data demo",
            "agencies": "Perangkat daerah",
            "units": "Unit kerja",
            "service_units": "Unit layanan",
            "positions": "Jabatan",
            "employees": "Pegawai",
            "vacancies": "Jabatan lowong",
            "acting": "Dijabat Plt/Plh",
        },
    )
