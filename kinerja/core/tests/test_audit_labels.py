from __future__ import annotations

from kinerja.core.audit_labels import (
    audit_action_label,
    audit_entity_label,
    audit_field_label,
    audit_labels_register,
)


def test_apps_declare_their_action_labels() -> None:
    assert audit_action_label("employee.moved") == "Pegawai dipindahkan"
    assert audit_action_label("position.created") == "Jabatan ditambahkan"
    assert audit_action_label("user.created") == "Pengguna ditambahkan"
    assert audit_action_label("audit_chain.verification_started") == (
        "Verifikasi rantai audit dimulai"
    )


def test_an_unlabelled_action_reads_as_entity_and_verb() -> None:
    assert audit_action_label("employee.archived") == "Pegawai archived"
    assert audit_action_label("gadget.approved") == "Gadget disetujui"
    assert audit_action_label("door_lock.imposed") == "Door lock dikenakan"
    assert audit_entity_label("service_unit") == "Unit layanan"


def test_registered_field_labels_name_snapshot_keys_that_are_not_model_fields() -> None:
    audit_labels_register(fields={"sample_size": "Ukuran sampel"})
    assert audit_field_label("sample_size") == "Ukuran sampel"
    assert audit_field_label("no_such_key") is None
