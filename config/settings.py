"""Kinerja settings: one file, every deployment difference comes from the environment.

See `.env.example` for the variables. `make run` writes a local `.env`; production sets real
environment variables. Nothing secret lives in this file.
"""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"


def _read_dotenv(path: Path) -> None:
    """Load KEY=VALUE lines from a local .env without overriding the real environment."""
    if not path.is_file():
        return
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        os.environ.setdefault(key.strip(), value.strip().strip("'\""))


_read_dotenv(BASE_DIR / ".env")


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name, "")
    if value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY wajib diisi bila DEBUG mati. Jalankan `make run` untuk membuat .env "
            "lokal, atau setel variabel lingkungan SECRET_KEY."
        )
    SECRET_KEY = "insecure-debug-only-key"  # noqa: S105 - only ever used with DEBUG on

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
HTTPS = env_bool("HTTPS", not DEBUG)
PORT = int(os.environ.get("PORT", "8000"))

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",  # the form renderer below finds Django's widget templates here
    "django_htmx",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_tasks",
    "django_tasks_db",
    "kinerja.core",
    "kinerja.accounts",
    "kinerja.audit",
    "kinerja.organization",
    "kinerja.people",
    "kinerja.discussions",
    "kinerja.notifications",
    "kinerja.periods",
    "kinerja.surveys",
    "kinerja.planning",
    "kinerja.monitoring",
    "kinerja.assessment",
    "kinerja.evaluation",
    "kinerja.learning",
    "kinerja.appeals",
    "kinerja.engagement",
    "kinerja.reporting",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "kinerja.core.security_headers.SecurityHeadersMiddleware",
    "kinerja.core.middleware.RequestContextMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "kinerja.accounts.middleware.LoginRequiredExceptApiMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "kinerja.accounts.middleware.PasswordChangeRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "kinerja" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kinerja.accounts.context_processors.navigation",
                "kinerja.core.context_processors.city_identity",
                "kinerja.engagement.context_processors.help_link",
            ],
        },
    },
]

# Every form renders through components/form.html and components/field.html.
FORM_RENDERER = "kinerja.core.form_rendering.KinerjaFormRenderer"

# Database: SQLite under var/ by default, PostgreSQL (or any dj-database-url) via DATABASE_URL.
VAR_DIR.mkdir(exist_ok=True)
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES: dict[str, dict[str, Any]] = {
        "default": dict(
            dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)
        )
    }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "kinerja.sqlite3",
            "OPTIONS": {
                # IMMEDIATE takes the write lock at BEGIN: the audit hash chain reads the last
                # event and appends in one transaction, and two writers must not interleave.
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache and task queue: Redis when REDIS_URL is set, otherwise local memory and the database.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES: dict[str, dict[str, Any]] = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "kinerja",
        }
    }
    TASKS: dict[str, dict[str, Any]] = {
        "default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}
    }
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 3600}}
    INSTALLED_APPS += ["django_rq"]
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# Tasks the scheduler enqueues on its own: dotted path of a task without arguments → seconds
# (kinerja/core/scheduler.py, run by `manage.py serve` or `manage.py scheduler`).
PERIODIC_TASKS: dict[str, int] = {
    "kinerja.people.imports.tasks.import_uploads_purge_task": 3600,
    # Idempotent (each reminder is sent once), so hourly is safe and catches up after a stop.
    "kinerja.notifications.tasks.send_reminders_task": 3600,
    "kinerja.notifications.tasks.email_send_task": 300,
    "kinerja.monitoring.evidence.tasks.evidence_verify_task": 86400,
    # Closes 360° rounds whose due date has passed; idempotent.
    "kinerja.assessment.tasks.cycles_close_due_task": 3600,
    # Recomputes the dashboards' summary of the periods still in progress; idempotent.
    "kinerja.reporting.tasks.summaries_refresh_task": 3600,
}
# Citizen survey (SKM) protections, kinerja/surveys/README.md: a form must be open at least
# SKM_MIN_FILL_SECONDS before it is sent and is valid for SKM_TOKEN_MAX_AGE_SECONDS; one client
# address may send SKM_RATE_LIMIT submissions to one unit per SKM_RATE_WINDOW_SECONDS (a
# registered kiosk tablet SKM_RATE_LIMIT_KIOSK), counted in the shared cache.
SKM_MIN_FILL_SECONDS = int(os.environ.get("SKM_MIN_FILL_SECONDS", "5"))
SKM_TOKEN_MAX_AGE_SECONDS = int(os.environ.get("SKM_TOKEN_MAX_AGE_SECONDS", str(4 * 3600)))
SKM_RATE_LIMIT = int(os.environ.get("SKM_RATE_LIMIT", "30"))
SKM_RATE_LIMIT_KIOSK = int(os.environ.get("SKM_RATE_LIMIT_KIOSK", "240"))
SKM_RATE_WINDOW_SECONDS = int(os.environ.get("SKM_RATE_WINDOW_SECONDS", "600"))
# Uploaded import files are deleted when their jobs are done, at the latest after this.
IMPORT_RETENTION_HOURS = int(os.environ.get("IMPORT_RETENTION_HOURS", "24"))

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["kinerja.accounts.backends.SessionUserBackend"]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "kinerja.accounts.password_rules.NameAndNipSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Login lockout (kinerja/accounts/login_guard.py, policy in kinerja/accounts/README.md).
# Failures are counted in the cache for LOGIN_LOCK_MINUTES; reaching a limit locks for
# LOGIN_LOCK_MINUTES from that moment, and attempts during a lock do not extend it.
# An office reaches us through one NAT address, hence the generous per-address limit.
LOGIN_LOCK_MINUTES = int(os.environ.get("LOGIN_LOCK_MINUTES", "15"))
LOGIN_FAILURES_PER_ACCOUNT_ADDRESS = int(os.environ.get("LOGIN_FAILURES_PER_ACCOUNT_ADDRESS", "5"))
LOGIN_FAILURES_PER_ADDRESS = int(os.environ.get("LOGIN_FAILURES_PER_ADDRESS", "100"))
LOGIN_FAILURES_PER_ACCOUNT = int(os.environ.get("LOGIN_FAILURES_PER_ACCOUNT", "20"))
# API tokens (kinerja/accounts/api_tokens.py): lifetime and how many one user may hold.
API_TOKEN_DAYS = int(os.environ.get("API_TOKEN_DAYS", "30"))
API_TOKEN_MAX_ACTIVE = int(os.environ.get("API_TOKEN_MAX_ACTIVE", "10"))

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia")]
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Jakarta")
USE_I18N = True
USE_TZ = True
# Off: ids, years and codes in templates stay digits; numbers for people are formatted by the
# kinerja_ui filters (number_id, count_id), see docs/interface.md "Formats".
USE_THOUSAND_SEPARATOR = False
LOCALE_PATHS = [BASE_DIR / "kinerja" / "locale"]
FORMAT_MODULE_PATH = ["kinerja.core.formats"]

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
_bootstrap = importlib.util.find_spec("bootstrap")
STATICFILES_DIRS: list[Any] = [BASE_DIR / "kinerja" / "static"]
if _bootstrap is not None and _bootstrap.submodule_search_locations:
    STATICFILES_DIRS.append(("bootstrap", next(iter(_bootstrap.submodule_search_locations))))
STORAGES: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "media/"

# Evidence files (bukti dukung) go through the storage alias "evidence": the local disk under
# var/evidence by default (never served directly: only through the permission-checked view), or
# any Django storage backend (e.g. django-storages S3) by setting EVIDENCE_STORAGE_BACKEND and
# EVIDENCE_STORAGE_OPTIONS (JSON), with no code change.
STORAGES["evidence"] = {
    "BACKEND": os.environ.get(
        "EVIDENCE_STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage"
    ),
    "OPTIONS": json.loads(
        os.environ.get("EVIDENCE_STORAGE_OPTIONS", "")
        or json.dumps({"location": str(VAR_DIR / "evidence"), "base_url": None})
    ),
}
# Generated documents kept for download (the ZIP of an agency's evaluation documents) go through
# the storage alias "documents": var/documents by default, never served directly (only through
# the view that checks the job's owner); DOCUMENTS_STORAGE_BACKEND / DOCUMENTS_STORAGE_OPTIONS
# as for evidence.
STORAGES["documents"] = {
    "BACKEND": os.environ.get(
        "DOCUMENTS_STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage"
    ),
    "OPTIONS": json.loads(
        os.environ.get("DOCUMENTS_STORAGE_OPTIONS", "")
        or json.dumps({"location": str(VAR_DIR / "documents"), "base_url": None})
    ),
}
EVIDENCE_MAX_FILE_BYTES = int(os.environ.get("EVIDENCE_MAX_FILE_BYTES", str(10 * 1024 * 1024)))
EVIDENCE_MAX_PLAN_BYTES = int(os.environ.get("EVIDENCE_MAX_PLAN_BYTES", str(200 * 1024 * 1024)))
# A realisation submitted after its window's due date is late; this many days later the window
# closes for realisations (kinerja.periods.rules.window_realization_refusal).
REALIZATION_LATE_DAYS = int(os.environ.get("REALIZATION_LATE_DAYS", "30"))

# Email: printed to the console by default; SMTP when EMAIL_HOST is set.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Kinerja Kota Surakarta <kinerja@localhost>"
)
# Links in emails are absolute: the address people open Kinerja at.
SITE_URL = os.environ.get("SITE_URL", f"http://127.0.0.1:{PORT}")

# Security: strict by default, relaxed only for plain-HTTP local runs (HTTPS=false).
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 60 * 60
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Only our own origin (see kinerja/core/security_headers.py for why each part is there).
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "style-src-attr 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # First, so that a missing or bad token answers 401 with WWW-Authenticate: Token.
        "kinerja.accounts.api_tokens.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "kinerja.core.api_pages.ApiPagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "kinerja.core.api_errors.api_exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Kinerja API",
    "DESCRIPTION": "API manajemen kinerja ASN Pemerintah Kota Surakarta.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "kinerja": {"level": os.environ.get("LOG_LEVEL", "INFO")},
        "django.request": {"level": "ERROR"},
    },
}

# The city's identity in the page shell: a city replaces the placeholder emblem with its own
# (a static file path, e.g. a file under kinerja/static/ or STATICFILES_DIRS).
KINERJA_CITY_NAME = os.environ.get("CITY_NAME", "Kota Surakarta")
KINERJA_CITY_EMBLEM = os.environ.get("CITY_EMBLEM", "kinerja/emblem.svg")
# Background tasks: memory a single task may use on top of the idle worker (MB); past it the
# task fails with a message and the worker goes on (kinerja/core/task_limits.py).
TASK_MEMORY_LIMIT_MB = int(os.environ.get("TASK_MEMORY_LIMIT_MB", "1024"))
# Web server processes of `manage.py serve` (gunicorn workers).
WEB_CONCURRENCY = int(os.environ.get("WEB_CONCURRENCY", "2"))

# Demo data size used by `make run`.
DEMO_EMPLOYEES = int(os.environ.get("DEMO_EMPLOYEES", "600"))
