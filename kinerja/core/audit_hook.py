"""A port through which layers below `audit` write audit events.

`accounts` sits below `audit` in the layer order (the audit trail names users), yet changes to
users must be audited like any other change. The audit app installs its recorder here when it
starts; `accounts` services call `audit_record_via_hook`, in their own transaction as always.
Every app above `audit` calls `kinerja.audit.services.audit_record` directly.
"""

from __future__ import annotations

from typing import Any, Protocol

from django.core.exceptions import ImproperlyConfigured


class AuditRecorder(Protocol):
    def __call__(
        self,
        *,
        actor: Any,
        action: str,
        obj: Any = None,
        before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None,
    ) -> Any: ...


_recorder: AuditRecorder | None = None


def audit_recorder_install(recorder: AuditRecorder) -> None:
    global _recorder
    _recorder = recorder


def audit_record_via_hook(
    *,
    actor: Any,
    action: str,
    obj: Any = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> Any:
    if _recorder is None:
        raise ImproperlyConfigured(
            "kinerja.audit belum terpasang: perubahan tidak boleh tanpa jejak."
        )
    return _recorder(actor=actor, action=action, obj=obj, before=before, after=after)
