"""Settings for the test run: the real settings with fast hashing and a file SQLite database.

The test database is a file (not memory) so that a real worker process, started by a test,
sees the rows the test wrote.
"""

from __future__ import annotations

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production")
os.environ.setdefault("HTTPS", "false")

from config.settings import *  # noqa: F403
from config.settings import CACHES, DATABASES, REDIS_URL, STORAGES, VAR_DIR

WHITENOISE_USE_FINDERS = True
(VAR_DIR / "static").mkdir(exist_ok=True)
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-kinerja.sqlite3")}

# A worker process started by a test points here to use the test database the test created.
_db_name_override = os.environ.get("KINERJA_TEST_DB_NAME")
if _db_name_override:
    DATABASES["default"]["NAME"] = _db_name_override

# Tests run in parallel workers (pytest-xdist: PYTEST_XDIST_WORKER gw0, gw1, …). Each worker
# has its own test database (pytest-django adds the suffix); on Redis each also gets its own
# database number counted down from the configured one, so that one worker's rate limits,
# locks and task queue never reach another's (a worker process a test starts inherits it).
_xdist_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if REDIS_URL and _xdist_worker.startswith("gw"):
    from config.settings import RQ_QUEUES

    _base, _, _number = REDIS_URL.rpartition("/")
    _redis_db = (int(_number or 0) - int(_xdist_worker[2:])) % 16
    REDIS_URL = f"{_base}/{_redis_db}"
    CACHES["default"]["LOCATION"] = REDIS_URL
    RQ_QUEUES["default"]["URL"] = REDIS_URL

# The citizen form's minimum fill time is tested where it matters (kinerja/surveys/tests);
# elsewhere a test submits at once.
SKM_MIN_FILL_SECONDS = 0

# Evidence files of the test run stay apart from a demo's.
STORAGES["evidence"] = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": str(VAR_DIR / "test-evidence")},
}

# Generated documents of the test run stay apart from a demo's.
STORAGES["documents"] = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": str(VAR_DIR / "test-documents")},
}
