"""The demo logins: made once through the audited service, and listed where people read them."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings

from kinerja.accounts.demo import demo_logins_ensure
from kinerja.accounts.demo_identities import (
    DEMO_AGENCY_ADMIN,
    DEMO_LOGINS,
    DEMO_PASSWORD,
    demo_logins_text,
    nip_spaced,
)
from kinerja.accounts.models import User
from kinerja.audit.models import AuditEvent
from kinerja.organization.testing import make_agency

pytestmark = pytest.mark.django_db


def test_demo_logins_are_created_once_audited_and_sign_in_with_the_demo_password() -> None:
    agency = make_agency(name="Dinas Kependudukan dan Pencatatan Sipil")
    agency_ids = {DEMO_AGENCY_ADMIN.agency_code: agency.pk}
    assert demo_logins_ensure(agency_ids=agency_ids) == len(DEMO_LOGINS)
    assert demo_logins_ensure(agency_ids=agency_ids) == 0
    assert AuditEvent.objects.filter(action="user.created").count() == len(DEMO_LOGINS)
    for login in DEMO_LOGINS:
        user = User.objects.get(username=login.username)
        assert user.check_password(DEMO_PASSWORD)
        assert (user.role, user.full_name) == (login.role, login.full_name)
    assert User.objects.get(username=DEMO_AGENCY_ADMIN.username).agency == agency


def test_an_agency_admin_login_waits_for_its_agency() -> None:
    demo_logins_ensure()
    assert not User.objects.filter(username=DEMO_AGENCY_ADMIN.username).exists()
    assert User.objects.count() == len(DEMO_LOGINS) - 1


def test_the_printout_and_the_readme_list_every_demo_login_and_the_password() -> None:
    printout = "\n".join(demo_logins_text())
    readme = (Path(settings.BASE_DIR) / "README.md").read_text(encoding="utf-8")
    for text in (printout, readme):
        assert DEMO_PASSWORD in text
    for login in DEMO_LOGINS:
        assert login.username in printout
        shown = nip_spaced(login.username) if login.is_nip_login else login.username
        assert f"`{shown}`" in readme, f"README.md does not list the demo login {shown}"


@pytest.mark.django_db
def test_demo_logins_get_an_address_that_is_never_delivered() -> None:
    demo_logins_ensure()
    emails = set(User.objects.values_list("email", flat=True))
    assert emails
    assert all(email.endswith("@demo.invalid") for email in emails)
    assert "199001152015031002@demo.invalid" in emails
