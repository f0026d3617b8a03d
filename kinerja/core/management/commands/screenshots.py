"""`manage.py screenshots` (`make screenshots`): every role's home and main pages at 360 and
1280 px, taken by Debian's Chromium from a throw-away demo database.

Writes to var/screenshots/ (ignored by git) and copies the employee's home at both widths to
docs/img/ for the README. Nothing is fetched from outside: Playwright drives /usr/bin/chromium.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connections
from django.test import Client
from django.test.testcases import LiveServerThread
from django.test.utils import setup_databases, setup_test_environment, teardown_databases

CHROMIUM = Path("/usr/bin/chromium")
WIDTHS = (360, 1280)
# The demo logins of `seed_demo`, one per role (see README.md).
ROLES = {
    "pegawai": "199001152015031002",
    "atasan": "198204122008012003",
    "admin-opd": "admin.dukcapil",
    "admin-bkpsdm": "admin.bkpsdm",
    "pimpinan": "pimpinan",
    "inspektorat": "inspektorat",
}
README_SHOTS = "pegawai"
SURVEY_UNIT = "/s/loket-pelayanan-adminduk/"
SURVEY_PAGES = {
    # The citizens' pages (no login needed; taken in the same browser) and the unit's staff pages.
    "admin-opd": [
        "/skm/loket-pelayanan-adminduk/",
        "/skm/loket-pelayanan-adminduk/saran/",
        SURVEY_UNIT,
        f"{SURVEY_UNIT}hasil/",
        f"{SURVEY_UNIT}standar/",
        "/skm/publik/",
    ],
    "atasan": ["/skm/loket-pelayanan-adminduk/standar/", "/skp/realisasi/tim/"],
}


def slug(path: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", path.strip("/").lower()).strip("-") or "home"


class Command(BaseCommand):
    help = "Mengambil tangkapan layar setiap peran pada 360 dan 1280 px ke var/screenshots/."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--employees", type=int, default=300, help="Jumlah pegawai demo.")
        parser.add_argument(
            "--out", default=str(settings.VAR_DIR / "screenshots"), help="Folder hasil."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not CHROMIUM.exists():
            raise CommandError(
                "Chromium tidak terpasang di /usr/bin/chromium (bin/system-packages)"
            )
        from playwright.sync_api import sync_playwright

        out = Path(options["out"])
        out.mkdir(parents=True, exist_ok=True)
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
        setup_test_environment()
        # A database of its own, so that a test run in the same checkout is not disturbed.
        db = connections["default"].settings_dict
        db["TEST"]["NAME"] = (
            str(settings.VAR_DIR / "screenshots.sqlite3")
            if db["ENGINE"].endswith("sqlite3")
            else f"test_{db['NAME']}_screenshots"
        )
        old = setup_databases(verbosity=0, interactive=False)
        server = None
        try:
            call_command("seed_demo", employees=options["employees"], seed=2026, verbosity=0)
            server = LiveServerThread("localhost", StaticFilesHandler, port=0)
            server.daemon = True
            server.start()
            server.is_ready.wait()
            if server.error:
                raise server.error
            base = f"http://localhost:{server.port}"
            with sync_playwright() as pw:
                browser = pw.chromium.launch(
                    executable_path=str(CHROMIUM),
                    args=["--headless", "--no-sandbox", "--disable-gpu"],
                )
                try:
                    for role, username in ROLES.items():
                        self._role(browser, base, role, username, out)
                finally:
                    browser.close()
        finally:
            if server is not None:
                server.terminate()
            teardown_databases(old, verbosity=0)
        docs = Path(settings.BASE_DIR) / "docs" / "img"
        docs.mkdir(parents=True, exist_ok=True)
        for width in WIDTHS:
            shutil.copyfile(
                out / f"{README_SHOTS}-home-{width}-layar.png", docs / f"home-pegawai-{width}.png"
            )
        self.stdout.write(f"Tangkapan layar di {out}; beranda pegawai disalin ke {docs}.")

    def _role(self, browser: Any, base: str, role: str, username: str, out: Path) -> None:
        user = get_user_model().objects.get(username=username)
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        for width in WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": 800}, locale="id-ID")
            context.add_cookies(
                [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": base}]
            )
            page = context.new_page()
            page.goto(f"{base}/")
            paths = ["/"] + [
                href
                for href in page.eval_on_selector_all(
                    ".k-nav a", "els => els.map(e => e.getAttribute('href'))"
                )
                if href and href != "/"
            ]
            for extra_from in ("/pegawai/", "/organisasi/"):
                if extra_from in paths:
                    page.goto(f"{base}{extra_from}")
                    first = page.query_selector("td.k-primary a")
                    if first:
                        paths.append(first.get_attribute("href"))
            if role == "admin-bkpsdm":
                paths.append("/gaya/")
            if role == "pegawai":  # the own plan's realisations (monitoring)
                page.goto(f"{base}/skp/")
                plans = page.eval_on_selector_all(
                    "a", "els => els.map(e => e.getAttribute('href'))"
                )
                own = [h for h in plans if h and re.fullmatch(r"/skp/\d+/", h)]
                if own:
                    paths.append(f"{own[0]}realisasi/")
            if role in SURVEY_PAGES:
                paths.extend(SURVEY_PAGES[role])
            for path in paths:
                page.goto(f"{base}{path}")
                name = f"{role}-{slug(path)}-{width}"
                page.screenshot(path=str(out / f"{name}.png"), full_page=True)
                page.screenshot(path=str(out / f"{name}-layar.png"))
                self.stdout.write(f"  {name}")
            context.close()
