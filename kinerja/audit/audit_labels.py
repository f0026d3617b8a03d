"""Indonesian labels of the audit app's own actions."""

from __future__ import annotations

from kinerja.core.audit_labels import audit_labels_register


def audit_audit_labels_register() -> None:
    audit_labels_register(
        actions={"audit_chain.verification_started": "Verifikasi rantai audit dimulai"},
        entities={"audit_chain": "Rantai audit"},
    )
