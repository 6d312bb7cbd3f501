"""One settings file, read from environment variables (see `.env.example`).

SQLite is the default so that a checkout runs at once; PostgreSQL is set with
`XIEZUO_DATABASE_URL=postgres://…`.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(os.environ.get("XIEZUO_VAR_DIR", BASE_DIR.parent.parent / "var"))


def envbool(name: str, default: str = "False") -> bool:
    return os.environ.get(name, default).strip().lower() in ("1", "true", "yes", "on")


def envint(name: str, default: int) -> int:
    return int(os.environ.get(name, str(default)))


def envlist(name: str, default: str = "") -> list[str]:
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


def package_version() -> str:
    """The installed package's version: the API's version (schema info.version, X-API-Version header)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("xiezuo")
    except PackageNotFoundError:
        return "0"


def envsecret(name: str, default: str = "") -> str:
    """A secret may be given directly or, for container secrets, as a file: NAME_FILE."""
    path = os.environ.get(f"{name}_FILE")
    if path:
        return Path(path).read_text(encoding="utf-8").strip()
    return os.environ.get(name, default)


DEBUG = envbool("XIEZUO_DEBUG", "False")
# The insecure key only serves a development checkout (DEBUG on) and the tests: `xiezuo serve` refuses to start
# with it when DEBUG is off, and the `xiezuo.E001` check refuses it. `xiezuo demo` writes a random key to
# var/secret_key, read here when no key is given, so that the demo runs without debug mode.
INSECURE_SECRET_KEY = "xiezuo-insecure-development-key-do-not-use-in-production"
DEMO_SECRET_KEY_FILE = VAR_DIR / "secret_key"
SECRET_KEY = (envsecret("XIEZUO_SECRET_KEY")
              or (DEMO_SECRET_KEY_FILE.read_text(encoding="utf-8").strip() if DEMO_SECRET_KEY_FILE.is_file() else "")
              or INSECURE_SECRET_KEY)
ALLOWED_HOSTS = envlist("XIEZUO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = envlist("XIEZUO_CSRF_TRUSTED_ORIGINS")

# TLS: the site is reached over HTTPS, normally through a proxy (nginx) that terminates TLS and sets
# X-Forwarded-Proto. Then cookies are Secure and browsers are told to keep to HTTPS (HSTS).
TLS = envbool("XIEZUO_TLS", "False")
SECURE_COOKIES = envbool("XIEZUO_SECURE_COOKIES", "True" if TLS else "False")
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SESSION_COOKIE_HTTPONLY = True
if TLS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = envint("XIEZUO_HSTS_SECONDS", 31536000 if TLS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("XIEZUO_HSTS_INCLUDE_SUBDOMAINS", "False")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Scripts only from our own static files (no inline script, nothing from the internet); inline styles stay
# allowed because htmx and the charts set them. See core/middleware.py.
CONTENT_SECURITY_POLICY = os.environ.get("XIEZUO_CSP", "; ".join([
    "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
    "font-src 'self' data:", "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'",
    "frame-ancestors 'none'",
]))
# Addresses: how many proxies in front of the site append to X-Forwarded-For (0 = use the socket's address).
XIEZUO_PROXY_COUNT = envint("XIEZUO_PROXY_COUNT", 0)

# Sign-in throttling: this many failures within the window lock the account, and (separately) the address,
# until the window has passed. Counted from the sign-in events table, so every server process sees them.
XIEZUO_SIGNIN_MAX_FAILURES = envint("XIEZUO_SIGNIN_MAX_FAILURES", 5)
XIEZUO_SIGNIN_ADDRESS_MAX_FAILURES = envint("XIEZUO_SIGNIN_ADDRESS_MAX_FAILURES", 20)
XIEZUO_SIGNIN_WINDOW_MINUTES = envint("XIEZUO_SIGNIN_WINDOW_MINUTES", 15)

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI served from our static files: intranets have no internet
    "django_filters",
    "xiezuo.core",
    "xiezuo.geo",
    "xiezuo.partners",
    "xiezuo.people",
]


def channel_apps(root: Path = BASE_DIR) -> list[str]:
    """The channel apps: every package under `xiezuo/` with an `apps.py` and a `records.py`, by name.

    A channel joins the site by existing (`xiezuo startchannel NAME` makes one), so adding a channel
    never means editing this file. The base apps above are named because every channel builds on them
    and their demo data must come first. Channels follow in name order, which is also the order their
    demo hooks run in (today `industry`'s demo reads the visits `exchange`'s demo made).
    Nothing is imported here: a broken channel fails when Django loads it, with its own traceback.
    """
    base = {"core", "geo", "partners", "people"}
    return [f"xiezuo.{path.name}" for path in sorted(root.iterdir())
            if path.name not in base and (path / "apps.py").is_file() and (path / "records.py").is_file()]


INSTALLED_APPS += channel_apps()

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "xiezuo.core.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "xiezuo.core.middleware.LanguageMiddleware",
    "xiezuo.core.middleware.ApiHeadersMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "xiezuo.core.middleware.UploadLimitMiddleware",
    # After the upload limit (it reads form bodies) and after authentication (its page shows the menu).
    "xiezuo.core.middleware.BadInputMiddleware",
]

ROOT_URLCONF = "xiezuo.urls"
WSGI_APPLICATION = "xiezuo.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "xiezuo.core.context_processors.navigation",
            ],
        },
    }
]

DATABASE_URL = os.environ.get("XIEZUO_DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=envint("XIEZUO_DB_CONN_MAX_AGE", 60))}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("XIEZUO_SQLITE_PATH", str(VAR_DIR / "xiezuo.sqlite3")),
            "OPTIONS": {
                # WAL lets the web process read while a worker writes.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;",
                "transaction_mode": "IMMEDIATE",
            },
            # A file, not memory: worker processes and threads in the tests share it.
            "TEST": {"NAME": os.environ.get("XIEZUO_SQLITE_TEST_PATH") or str(VAR_DIR / "test-xiezuo.sqlite3")},
        }
    }
# Health checks: a kept connection that the server dropped (restart, failover, pg_terminate_backend) is noticed
# at the start of the next request and replaced, instead of failing that request.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# The cache holds the API throttles' counters, so it must be shared by every server process: a table in
# PostgreSQL (every machine shares it), files under var/ with SQLite (every process on the one machine;
# a table would make each API request wait for SQLite's single writer). XIEZUO_CACHE=memory is per process.
XIEZUO_CACHE = os.environ.get("XIEZUO_CACHE", "database" if DATABASE_URL else "file")
CACHES = {"default": {
    "database": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "xiezuo_cache"},
    "file": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
             # Parallel test processes (pytest-xdist's gw0, gw1…) each keep their own, as their own database.
             "LOCATION": os.environ.get("XIEZUO_CACHE_DIR", str(VAR_DIR / "-".join(
                 filter(None, ("cache", os.environ.get("PYTEST_XDIST_WORKER"))))))},
    "memory": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}[XIEZUO_CACHE]}
# Django culls a third of the entries once there are more than 300 (its default): the figures kept per area,
# language and page would push each other out (and the throttles' counters with them). The files cache lists
# its folder at every write, so it keeps fewer.
CACHES["default"]["OPTIONS"] = {"MAX_ENTRIES": int(os.environ.get(
    "XIEZUO_CACHE_MAX_ENTRIES", 3000 if XIEZUO_CACHE == "file" else 50000))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Django's password rules (the command line's createuser and the password pages check them).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "zh-hans"
# 繁體中文 reads as Taiwan writes (OpenCC s2twp), 繁體中文（香港） in Hong Kong characters (s2hk): core/languages.py.
LANGUAGES = [("zh-hans", "简体中文"), ("zh-hant", "繁體中文"), ("zh-hk", "繁體中文（香港）"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates and numbers for zh-hk as for zh-hant (Django ships no zh_HK formats; without these, 一月 5, 2024).
FORMAT_MODULE_PATH = ["xiezuo.formats"]
TIME_ZONE = os.environ.get("XIEZUO_TIME_ZONE", "Asia/Shanghai")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(os.environ.get("XIEZUO_MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
                    if not DEBUG and envbool("XIEZUO_COMPRESS_STATIC", "False")
                    else "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

# Uploads: refused before reading past this size (bytes).
XIEZUO_MAX_UPLOAD_BYTES = envint("XIEZUO_MAX_UPLOAD_MB", 200) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# An .xlsx whose uncompressed size is more than this is treated as a zip bomb.
XIEZUO_MAX_XLSX_UNCOMPRESSED_BYTES = envint("XIEZUO_MAX_XLSX_UNCOMPRESSED_MB", 2048) * 1024 * 1024
# Jobs: a running job whose heartbeat is older than this is taken as lost (worker killed).
XIEZUO_JOB_STALE_SECONDS = envint("XIEZUO_JOB_STALE_SECONDS", 60)
# Run jobs in the request instead of a worker (tests, single-process demos).
XIEZUO_JOBS_EAGER = envbool("XIEZUO_JOBS_EAGER", "False")
XIEZUO_PAGE_SIZE = envint("XIEZUO_PAGE_SIZE", 50)

# E-mail of notifications (催报, 督办单, new tasks, rounds, deadlines), sent by a worker, never in the request.
# With XIEZUO_EMAIL_HOST set, SMTP; without it, the console backend (the demo prints mails to the worker's log).
EMAIL_HOST = os.environ.get("XIEZUO_EMAIL_HOST", "")
EMAIL_BACKEND = os.environ.get("XIEZUO_EMAIL_BACKEND") or (
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend")
EMAIL_PORT = envint("XIEZUO_EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("XIEZUO_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = envsecret("XIEZUO_EMAIL_PASSWORD")
EMAIL_USE_TLS = envbool("XIEZUO_EMAIL_USE_TLS", "False")
EMAIL_USE_SSL = envbool("XIEZUO_EMAIL_USE_SSL", "False")
EMAIL_TIMEOUT = envint("XIEZUO_EMAIL_TIMEOUT", 30)
DEFAULT_FROM_EMAIL = os.environ.get("XIEZUO_EMAIL_FROM", "xiezuo@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Links in e-mails point here; how often a worker sends pending mail; the local hour of the daily reminders.
XIEZUO_SITE_URL = os.environ.get("XIEZUO_SITE_URL", "http://127.0.0.1:8000")
XIEZUO_EMAIL_EVERY_SECONDS = envint("XIEZUO_EMAIL_EVERY_SECONDS", 30)
XIEZUO_REMINDER_HOUR = envint("XIEZUO_REMINDER_HOUR", 8)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "xiezuo.core.api_auth.TokenOrBearerAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["xiezuo.core.api_permissions.RecordPermission"],
    "DEFAULT_FILTER_BACKENDS": ["xiezuo.core.filter_backend.StrictFilterBackend",
                                "xiezuo.core.filter_backend.StrictOrderingFilter"],
    "DEFAULT_PAGINATION_CLASS": "xiezuo.core.pagination.StrictLimitOffsetPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "xiezuo.core.schema.RecordAutoSchema",
    # 404 and other refusals in the request's language, with our wording (core/errors.py).
    "EXCEPTION_HANDLER": "xiezuo.core.errors.api_exception_handler",
    # Rates per user (token or session) and per address for anonymous calls; far above what a person or the
    # test suite does, low enough to stop a runaway script. Read at each request (core/throttling.py).
    "DEFAULT_THROTTLE_CLASSES": ["xiezuo.core.throttling.UserRateThrottle",
                                 "xiezuo.core.throttling.AnonRateThrottle"],
}
# The most records one API page holds: `?limit=` above it answers this many (said in `limit`'s description).
XIEZUO_API_MAX_PAGE_SIZE = envint("XIEZUO_API_MAX_PAGE_SIZE", 1000)
XIEZUO_VERSION = package_version()
XIEZUO_API_RATES = {
    "user": os.environ.get("XIEZUO_API_RATE_USER", "3000/min"),
    "anon": os.environ.get("XIEZUO_API_RATE_ANON", "300/min"),
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Xiezuo API",
    "DESCRIPTION": ("东西部协作平台 REST API。令牌：POST /api/token/（用户名、密码），之后每个请求带上 "
                    "`Authorization: Bearer <令牌>`（`Token <令牌>` 亦可）。每页最多 1000 条；`ordering` 排序；"
                    "未知的查询参数或无效的值返回 400。响应头 `X-API-Version` 给出版本。详见 docs/api.md。"),
    "VERSION": XIEZUO_VERSION,  # also every API answer's X-API-Version header
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # Two record types have a field named category with different choices: name each set after what it is.
    "ENUM_NAME_OVERRIDES": {
        "ProductCategoryEnum": "xiezuo.consumption.choices.ProductCategory",
        "MonitoringCategoryEnum": "xiezuo.registry.choices.Monitoring",
    },
    # Swagger UI and Redoc from the installed drf-spectacular-sidecar, served as our own static files:
    # government intranets have no internet, and the CSP allows scripts only from the site.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # A refused request (403, 404) is one line: the path and the reason, no traceback (core/errors.py).
    "filters": {"one_line_refusals": {"()": "xiezuo.core.errors.OneLineRefusals"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["one_line_refusals"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("XIEZUO_LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"},
                "django.request": {"filters": ["one_line_refusals"]},
                "django.security": {"filters": ["one_line_refusals"]}},
}
