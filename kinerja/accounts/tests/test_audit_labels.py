"""Every audit action the accounts app records reads as Indonesian words in the audit trail."""

from __future__ import annotations

import ast
from pathlib import Path

from kinerja.core.audit_labels import audit_action_is_labelled, audit_action_label

ACCOUNTS = Path(__file__).resolve().parent.parent


def _recorded_actions() -> set[str]:
    """The `action=` strings of every call in the app's code (tests and migrations aside),
    both branches of `"user.activated" if is_active else "user.deactivated"` included."""
    actions: set[str] = set()
    for source in ACCOUNTS.rglob("*.py"):
        if {"tests", "migrations"} & set(source.relative_to(ACCOUNTS).parts):
            continue
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            for keyword in node.keywords:
                if keyword.arg == "action":
                    actions |= {
                        leaf.value
                        for leaf in ast.walk(keyword.value)
                        if isinstance(leaf, ast.Constant) and isinstance(leaf.value, str)
                    }
    return actions


def test_the_accounts_code_records_the_security_events() -> None:
    assert {
        "login.succeeded",
        "login.failed",
        "login_lock.imposed",
        "login_lock.lifted",
        "api_token.issued",
        "api_token.revoked",
        "user.activated",
        "user.deactivated",
        "user.password_changed",
    } <= _recorded_actions()


def test_every_action_the_accounts_code_records_has_an_indonesian_label() -> None:
    unlabelled = sorted(a for a in _recorded_actions() if not audit_action_is_labelled(a))
    assert unlabelled == []


def test_the_audit_trail_reads_the_security_events_in_indonesian() -> None:
    assert audit_action_label("login.failed") == "Gagal masuk"
    assert audit_action_label("login_lock.imposed") == "Kunci masuk dikenakan"
    assert audit_action_label("login_lock.lifted") == "Kunci masuk dibuka"
    assert audit_action_label("api_token.revoked") == "Token API dicabut"
    assert audit_action_label("user.deactivated") == "Pengguna dinonaktifkan"
