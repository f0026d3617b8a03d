"""Indonesian words for the audit trail: each app declares the labels of its own actions.

Audit events store an action as a code, `<entity>.<past participle>` (`employee.moved`). What
an auditor reads is "Pegawai dipindahkan". Every app registers the labels of the actions it
records, and of snapshot keys that are not fields of its models, in its AppConfig.ready().
The registry lives in core, the bottom layer, so that `accounts` (below `audit`) declares its
own actions like everyone else and `audit` never imports the apps above it.

An action nobody labelled still reads as words: the entity's label (or the code's words) and a
known verb ("dibuat", "diubah") or the verb's own words — never a bare code alone.
"""

from __future__ import annotations

from collections.abc import Mapping

_actions: dict[str, str] = {}
_entities: dict[str, str] = {}
_fields: dict[str, str] = {}

_VERBS = {
    "created": "ditambahkan",
    "updated": "diubah",
    "deleted": "dihapus",
    "changed": "diubah",
    "moved": "dipindahkan",
    "started": "dimulai",
    "ended": "diakhiri",
    "applied": "diterapkan",
    "issued": "diterbitkan",
    "revoked": "dicabut",
    "activated": "diaktifkan",
    "deactivated": "dinonaktifkan",
    "succeeded": "berhasil",
    "failed": "gagal",
    "imposed": "dikenakan",
    "lifted": "dicabut",
    "approved": "disetujui",
    "rejected": "ditolak",
    "submitted": "diajukan",
    "seeded": "diisi",
}


def audit_labels_register(
    *,
    actions: Mapping[str, str] | None = None,
    entities: Mapping[str, str] | None = None,
    fields: Mapping[str, str] | None = None,
) -> None:
    """Declare Indonesian labels: `actions` by code ("employee.moved": "Pegawai dipindahkan"),
    `entities` by the part before the dot ("employee": "Pegawai"), and `fields` for snapshot
    keys that are not model fields ("assignment_ids": "Penugasan sebelumnya")."""
    _actions.update(actions or {})
    _entities.update(entities or {})
    _fields.update(fields or {})


def _words(code: str) -> str:
    return code.replace("_", " ").strip()


def audit_action_label(action: str) -> str:
    """ "Pegawai dipindahkan" for employee.moved; readable words for an unlabelled action."""
    if action in _actions:
        return _actions[action]
    entity, _, verb = action.partition(".")
    subject = _entities.get(entity) or _words(entity).capitalize() or "Tindakan"
    return f"{subject} {_VERBS.get(verb, _words(verb))}".strip()


def audit_action_is_labelled(action: str) -> bool:
    return action in _actions


def audit_entity_label(entity: str) -> str:
    return _entities.get(entity) or _words(entity).capitalize()


def audit_field_label(key: str) -> str | None:
    """The registered label of a snapshot key that is not a model field, if any."""
    return _fields.get(key)
