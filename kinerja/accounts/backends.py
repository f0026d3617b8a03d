"""The login backend: Django's, but the user of a session is loaded with their employee record.

Every page asks whether the account is linked to an employee ("Profil saya" in the menu, the
home cards). Following the reverse one-to-one `user.employee` would cost one more query on
every request; joining it when the session's user is loaded costs none. The relation is named
by string because the people app sits above accounts.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend

from kinerja.accounts.models import User


class SessionUserBackend(ModelBackend):
    def get_user(self, user_id: Any) -> User | None:
        user = User._default_manager.select_related("employee").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
