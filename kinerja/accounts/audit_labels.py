"""Indonesian labels of the accounts app's audit actions (registered in core, below audit)."""

from __future__ import annotations

from kinerja.core.audit_labels import audit_labels_register


def accounts_audit_labels_register() -> None:
    audit_labels_register(
        actions={
            "user.created": "Pengguna ditambahkan",
            "user.password_changed": "Kata sandi diganti",
            "user.role_changed": "Peran pengguna diubah",
        },
        entities={"user": "Pengguna", "login": "Masuk", "api_token": "Token API"},
    )
