"""tria settings: every value comes from the environment (see .env.example).

Secrets have no production default: with DEBUG off, a missing secret stops the start with its name.
"""

import datetime as dt
import logging
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# The `.env` next to manage.py (`make run` writes a development one); the environment wins over it.
environ.Env.read_env(env.str("ENV_FILE", default=str(BASE_DIR / ".env")), overwrite=False)

DEBUG = env.bool("DEBUG", default=False)


def _secret(name: str, dev_default: str) -> str:
    """A secret from the environment; the dev default is only allowed when DEBUG is on."""
    value = env.str(name, default="")
    if value:
        return value
    if DEBUG:
        return dev_default
    raise ImproperlyConfigured(f"{name} must be set in the environment when DEBUG is off")


# ---------------------------------------------------------------- core
SECRET_KEY = _secret("SECRET_KEY", "dev-insecure-secret-key-only-for-debug-0123456789abcdef")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_celery_beat",
    "auditlog",
    "axes",
    "django_prometheus",
    "tria",
    "conversations",
    "orders",
    "ops",
]

MIDDLEWARE = [
    "tria.middleware.MalformedContentLengthMiddleware",
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "tria.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "conversations.audit.TrustedProxyAuditlogMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
    # Last, as django-axes asks: turns its lockout into the response below.
    "axes.middleware.AxesMiddleware",
]
# Meta's webhook POSTs (tria.wsgi): what that path needs of the stack above, nothing else (no
# session, user, CSRF or HTML there; the signature authenticates the request). A middleware added
# above that the webhook needs too goes here as well.
WEBHOOK_MIDDLEWARE = [
    "tria.middleware.MalformedContentLengthMiddleware",
    "tria.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",  # SECURE_SSL_REDIRECT, HSTS, nosniff
    # Content-Length on the answer: without it gunicorn answers chunked, and Meta's keep-alive
    # connections (and the bench's client) wait for the end of the body.
    "django.middleware.common.CommonMiddleware",
]

ROOT_URLCONF = "tria.urls"
WSGI_APPLICATION = "tria.wsgi.application"
ASGI_APPLICATION = "tria.asgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# ---------------------------------------------------------------- database
# psycopg 3 with Django's built-in connection pool (DB_POOL=off for one connection per request).
DATABASES = {
    "default": env.db_url("DATABASE_URL", default="postgres://postgres@127.0.0.1:5432/tria"),
}
DATABASES["default"]["ENGINE"] = "django.db.backends.postgresql"
if env.bool("DB_POOL", default=True):
    DATABASES["default"]["OPTIONS"] = {
        "pool": {
            "min_size": env.int("DB_POOL_MIN_SIZE", default=1),
            "max_size": env.int("DB_POOL_MAX_SIZE", default=10),
            "timeout": env.float("DB_POOL_TIMEOUT", default=10.0),
        }
    }
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DB_CONN_MAX_AGE", default=60)
# Server-side prepared statements for the hot reads of conversations.selectors (Django's own
# cursors never prepare). Off behind a pooler that cannot keep them (PgBouncer < 1.21, transaction).
if env.bool("DB_PREPARED_STATEMENTS", default=True):
    DATABASES["default"].setdefault("OPTIONS", {})["prepare_threshold"] = 5
# Rows per day, role and intent in daily_intent_stats, so concurrent ingestion does not queue
# on one row (conversations.models.DailyIntentStat).
DAY_STATS_SHARDS = env.int("DAY_STATS_SHARDS", default=8)
DATABASES["default"]["TEST"] = {
    "NAME": env.str("TEST_DATABASE_NAME", default=f"test_{DATABASES['default']['NAME']}")
}

# ---------------------------------------------------------------- redis, cache, celery
REDIS_URL = env.str("REDIS_URL", default="redis://127.0.0.1:6379/0")
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "tria",
    }
}
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=REDIS_URL)
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Longer than the longest task, so a late-acked task is not redelivered while it still runs.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600)
}
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=1800)
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# Celery logs through LOGGING below (tria.celery), never with handlers of its own.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False

# ---------------------------------------------------------------- auth, i18n, static
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LANGUAGE_CODE = "en-sg"
USE_I18N = True
# The assistant's reply languages (catalogues in locale/, compiled by make; issue 19).
LANGUAGES = [("en", "English"), ("zh-hans", "简体中文"), ("ms", "Bahasa Melayu"), ("ta", "தமிழ்")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_TZ = True  # stored in UTC
TIME_ZONE = "Asia/Singapore"  # business days, cron schedules and display: Singapore time
CELERY_TIMEZONE = TIME_ZONE
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / env.str("STATIC_ROOT", default="staticfiles")
# WhiteNoise serves STATIC_ROOT from every process (gunicorn too). Hashed, compressed names need
# `collectstatic` first (make run and the image run it); STATIC_MANIFEST=0 serves plain names.
STATIC_MANIFEST = env.bool("STATIC_MANIFEST", default=not DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if STATIC_MANIFEST
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
LOGIN_URL = "admin:login"
# Admin login lockout (django-axes): AXES_FAILURE_LIMIT failed logins for one username from one
# address lock that pair out for AXES_COOLOFF_MINUTES (429). Failures are kept in the database
# (admin → Axes, or `manage.py axes_reset`); successful logins are not logged.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = dt.timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True

# ---------------------------------------------------------------- security (production)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^health/(live|ready)?$", r"^metrics$"]
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# ---------------------------------------------------------------- privacy
# HMAC key turning an E.164 phone number into the pseudonymous user_id.
PSEUDONYM_SECRET = _secret("PSEUDONYM_SECRET", "dev-pseudonym-secret")
# Fernet key (urlsafe base64, 32 bytes) encrypting phone numbers kept to reply later.
FIELD_ENCRYPTION_KEY = _secret(
    "FIELD_ENCRYPTION_KEY", "ZGV2LW9ubHktZmllbGQtZW5jcnlwdGlvbi1rZXktMzI="
)
PII_SCRUB_GRACE_MINUTES = env.int("PII_SCRUB_GRACE_MINUTES", default=60)
PII_SCRUB_MAX_AGE_HOURS = env.int("PII_SCRUB_MAX_AGE_HOURS", default=24)
PII_SCRUB_INTERVAL_MINUTES = env.int("PII_SCRUB_INTERVAL_MINUTES", default=15)
PII_SCRUB_BATCH_SIZE = env.int("PII_SCRUB_BATCH_SIZE", default=1000)

# ---------------------------------------------------------------- retention
RETENTION_MESSAGES_DAYS = env.int("RETENTION_MESSAGES_DAYS", default=90)
RETENTION_SUMMARIES_DAYS = env.int("RETENTION_SUMMARIES_DAYS", default=730)
RETENTION_BATCH_SIZE = env.int("RETENTION_BATCH_SIZE", default=5000)
RETENTION_EXPORT_DIR = env.str("RETENTION_EXPORT_DIR", default=str(BASE_DIR / "var" / "exports"))
RETENTION_PURGE_HOUR = env.int("RETENTION_PURGE_HOUR", default=3)
# Where summaries are exported before deletion (storage alias "retention_exports"): "local" writes
# to RETENTION_EXPORT_DIR; "s3" uses django-storages, credentials from boto3's usual chain
# (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY in the environment, a profile or the instance role).
RETENTION_EXPORT_STORAGE = env.str("RETENTION_EXPORT_STORAGE", default="local")
if RETENTION_EXPORT_STORAGE == "s3":
    STORAGES["retention_exports"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env.str("AWS_STORAGE_BUCKET_NAME"),
            "location": env.str("RETENTION_EXPORT_PREFIX", default="retention-exports"),
            "region_name": env.str("AWS_S3_REGION_NAME", default="") or None,
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default="") or None,
            "file_overwrite": False,
            "object_parameters": {"ServerSideEncryption": "AES256"},
        },
    }
elif RETENTION_EXPORT_STORAGE == "local":
    STORAGES["retention_exports"] = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {
            "location": str(BASE_DIR / RETENTION_EXPORT_DIR),
            "file_permissions_mode": 0o640,
        },
    }
else:
    raise ImproperlyConfigured("RETENTION_EXPORT_STORAGE must be 'local' or 's3'")

# ---------------------------------------------------------------- whatsapp
WHATSAPP_VERIFY_TOKEN = env.str("WHATSAPP_VERIFY_TOKEN", default="")
# Without it every webhook POST is refused (403); DEBUG has a dev default for simulate_whatsapp.
WHATSAPP_APP_SECRET = env.str(
    "WHATSAPP_APP_SECRET", default="dev-whatsapp-app-secret" if DEBUG else ""
)
WHATSAPP_ACCESS_TOKEN = env.str("WHATSAPP_ACCESS_TOKEN", default="")
WHATSAPP_PHONE_NUMBER_ID = env.str("WHATSAPP_PHONE_NUMBER_ID", default="")
WHATSAPP_GRAPH_API_BASE = env.str("WHATSAPP_GRAPH_API_BASE", default="https://graph.facebook.com")
WHATSAPP_API_VERSION = env.str("WHATSAPP_API_VERSION", default="v21.0")
WHATSAPP_TIMEOUT_SECONDS = env.float("WHATSAPP_TIMEOUT_SECONDS", default=10.0)
WHATSAPP_MAX_BODY_BYTES = env.int("WHATSAPP_MAX_BODY_BYTES", default=1024 * 1024)
WHATSAPP_SEND_MAX_RETRIES = env.int("WHATSAPP_SEND_MAX_RETRIES", default=5)
WHATSAPP_RETRY_BACKOFF_SECONDS = env.float("WHATSAPP_RETRY_BACKOFF_SECONDS", default=5.0)
# A message timestamp older than this (or over a day ahead) is replaced by the receive time.
WHATSAPP_TIMESTAMP_MAX_AGE_DAYS = env.int("WHATSAPP_TIMESTAMP_MAX_AGE_DAYS", default=30)
SESSION_IDLE_MINUTES = env.int("SESSION_IDLE_MINUTES", default=30)
# Stored messages per processing task (conversations.services.inbound): fewer Celery messages,
# yet a message waits behind at most this many assistant turns in its task.
PROCESSING_TASK_SIZE = env.int("PROCESSING_TASK_SIZE", default=10)
# Message templates approved by Meta that staff may send outside the 24-hour window
# (conversations.support.templates), each in the customer's language: {"name": {"languages":
# {reply language: Meta language code}, "parameters": <number of {{n}}>}}. A language left out
# gets the "en" version; a single "language": "<code>" is sent to everyone in that code.
WHATSAPP_TEMPLATES = env.json(
    "WHATSAPP_TEMPLATES",
    default={
        "follow_up": {
            "languages": {"en": "en", "zh-hans": "zh_CN", "ms": "ms", "ta": "ta"},
            "parameters": 1,
        }
    },
)
# The webhook inbox (conversations.whatsapp.ingest): the webhook commits each notification and
# answers;
# `manage.py ingest_webhooks` stores them in batches. INLINE stores during the request instead
# (the tests, development: about a fifth of the throughput; README, Performance).
WHATSAPP_INGEST_INLINE = env.bool("WHATSAPP_INGEST_INLINE", default=False)
WEBHOOK_INGEST_BATCH = env.int("WEBHOOK_INGEST_BATCH", default=200)
WEBHOOK_INGEST_POLL_SECONDS = env.float("WEBHOOK_INGEST_POLL_SECONDS", default=0.05)
WEBHOOK_INGEST_MAX_ATTEMPTS = env.int("WEBHOOK_INGEST_MAX_ATTEMPTS", default=5)
# Beat stores rows older than this itself (no ingester running); /health/ degrades past MAX_LAG.
WEBHOOK_INBOX_STALE_SECONDS = env.int("WEBHOOK_INBOX_STALE_SECONDS", default=30)
WEBHOOK_INBOX_MAX_LAG_SECONDS = env.int("WEBHOOK_INBOX_MAX_LAG_SECONDS", default=120)

# ---------------------------------------------------------------- openai
OPENAI_API_KEY = env.str("OPENAI_API_KEY", default="")
OPENAI_BASE_URL = env.str("OPENAI_BASE_URL", default="")
OPENAI_MODEL = env.str("OPENAI_MODEL", default="gpt-4o-mini")
OPENAI_TIMEOUT_SECONDS = env.float("OPENAI_TIMEOUT_SECONDS", default=20.0)
OPENAI_MAX_RETRIES = env.int("OPENAI_MAX_RETRIES", default=2)

# ---------------------------------------------------------------- orders
GST_RATE = env.str("GST_RATE", default="0.09")
ORDER_CUTOFF_TIME = env.str("ORDER_CUTOFF_TIME", default="14:00")
DELIVERY_HOLIDAYS = env.list("DELIVERY_HOLIDAYS", default=["2026-12-25", "2027-01-01"])
INVOICE_DUE_DAYS = env.int("INVOICE_DUE_DAYS", default=30)
# Order notifications we send unasked (orders.notifications): free text inside the 24-hour window,
# else the approved template of the kind, in the customer's reply language when the template has
# it (Meta language codes), else its "en" version. Parameters, in order:
#   delivery_reminder: order number, delivery date, total (S$); invoice_issued: invoice number,
#   order number, total (S$), due date.
ORDER_TEMPLATES = env.json(
    "ORDER_TEMPLATES",
    default={
        kind: {"name": kind, "languages": {"en": "en", "zh-hans": "zh_CN", "ms": "ms", "ta": "ta"}}
        for kind in ("delivery_reminder", "invoice_issued")
    },
)
# A template entry without a name or languages would be refused by Meta at the first send,
# long after the start: refuse it here, naming it (docs/whatsapp-templates.md).
for _setting, _templates in (
    ("WHATSAPP_TEMPLATES", WHATSAPP_TEMPLATES),
    ("ORDER_TEMPLATES", ORDER_TEMPLATES),
):
    for _name, _spec in _templates.items():
        _languages = _spec.get("languages", {}) if isinstance(_spec, dict) else None
        if not isinstance(_languages, dict) or not all(
            isinstance(code, str) and code for code in _languages.values()
        ):
            raise ImproperlyConfigured(
                f'{_setting}["{_name}"] must be an object with "languages": '
                "{reply language: Meta language code, ...} (docs/whatsapp-templates.md)"
            )
# Beat sends the reminders of tomorrow's deliveries at this hour (Asia/Singapore), once each.
DELIVERY_REMINDER_HOUR = env.int("DELIVERY_REMINDER_HOUR", default=16)
# Product search (orders.catalog): scores are in [0, 1].
CATALOG_MIN_SCORE = env.float("CATALOG_MIN_SCORE", default=0.35)
CATALOG_CONFIDENT_SCORE = env.float("CATALOG_CONFIDENT_SCORE", default=0.55)
CATALOG_CLOSE_MARGIN = env.float("CATALOG_CLOSE_MARGIN", default=0.08)
CATALOG_HISTORY_BOOST = env.float("CATALOG_HISTORY_BOOST", default=0.1)
# The assistant (orders.assistant): attempts before a holding reply and a flag for staff.
ASSISTANT_MAX_ATTEMPTS = env.int("ASSISTANT_MAX_ATTEMPTS", default=4)
# Assistant turns per customer per hour; beyond it: stored, flagged, one polite reply
# (orders.limits).
ASSISTANT_TURNS_PER_HOUR = env.int("ASSISTANT_TURNS_PER_HOUR", default=60)
# Beat re-enqueues user messages left unprocessed this long (a lost task), every N minutes.
ASSISTANT_REDRIVE_AFTER_MINUTES = env.int("ASSISTANT_REDRIVE_AFTER_MINUTES", default=15)
ASSISTANT_REDRIVE_MINUTES = env.int("ASSISTANT_REDRIVE_MINUTES", default=10)

# ---------------------------------------------------------------- api
API_PAGE_SIZE = env.int("API_PAGE_SIZE", default=50)
API_MAX_PAGE_SIZE = env.int("API_MAX_PAGE_SIZE", default=1000)
API_BULK_MAX_ITEMS = env.int("API_BULK_MAX_ITEMS", default=5000)
# Requests per API key (or per logged-in user; per address without credentials), counted in
# Redis by tria.throttling; beyond it 429 with Retry-After. Empty: no limit.
API_THROTTLE_RATE = env.str("API_THROTTLE_RATE", default="6000/min")
# Larger API request bodies are refused (413) before anything reads them.
API_MAX_BODY_BYTES = env.int("API_MAX_BODY_BYTES", default=32 * 1024 * 1024)
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # The API key class comes first so that a request without credentials gets 401, not 403.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "tria.api.apikeys.ApiKeyAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "EXCEPTION_HANDLER": "tria.api.exception_handler",
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_THROTTLE_CLASSES": ["tria.throttling.ApiKeyRateThrottle"],
}
# /api/schema/, /api/docs/ and /api/redoc/ need an API key or a staff login like the rest of the
# API; API_SCHEMA_PUBLIC=1 serves them to anyone (the schema describes the API, it holds no data).
API_SCHEMA_PUBLIC = env.bool("API_SCHEMA_PUBLIC", default=False)
SPECTACULAR_SETTINGS = {
    "TITLE": "tria API",
    "DESCRIPTION": "Conversation memory and WhatsApp ordering. Times without zone are UTC.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["tria.api.permissions.SchemaPermission"],
    # Swagger UI and Redoc from our own static files (drf-spectacular-sidecar), never a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Several models have a "status" or "role": give each choice set its own schema name.
    "ENUM_NAME_OVERRIDES": {
        "MessageRoleEnum": "conversations.models.Role",
        "MessageDeliveryStatusEnum": "conversations.models.DeliveryStatus",
        "ContactRoleEnum": "conversations.models.OutletContact.ContactRole",
        "OrderStatusEnum": "orders.models.Order.Status",
        "DeliveryOrderStatusEnum": "orders.models.DeliveryOrder.Status",
        "InvoiceStatusEnum": "orders.models.Invoice.Status",
        "DeliverySlotEnum": "orders.models.Outlet.Slot",
    },
}

# ---------------------------------------------------------------- operations
METRICS_TOKEN = env.str("METRICS_TOKEN", default="")
# /metrics without the token is served only to these networks (and never through a proxy).
METRICS_ALLOWED_NETWORKS = env.list(
    "METRICS_ALLOWED_NETWORKS",
    default=["127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"],
)
# Reverse proxies in front of gunicorn (addresses or networks). A request from one of them is
# never "internal" for /metrics, and its X-Forwarded-For names the client in the audit trail.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])
HEALTH_HEARTBEAT_SECONDS = env.int("HEALTH_HEARTBEAT_SECONDS", default=30)
HEALTH_HEARTBEAT_MAX_AGE_SECONDS = env.int("HEALTH_HEARTBEAT_MAX_AGE_SECONDS", default=120)
# `manage.py healthcheck --component beat`: beat's last dispatch of the heartbeat (beat writes it
# to the database every 3 minutes, so less than that would fail a working beat).
HEALTH_BEAT_MAX_AGE_SECONDS = env.int("HEALTH_BEAT_MAX_AGE_SECONDS", default=300)
DEV_SUPERUSER_PASSWORD = env.str("DEV_SUPERUSER_PASSWORD", default="tria-dev-admin")
LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")
LOG_JSON = env.bool("LOG_JSON", default=not DEBUG)

# Python warnings (e.g. WhiteNoise's "No directory at" before collectstatic) are log lines too,
# so with LOG_JSON every line on stderr is JSON and goes through the redaction filter.
logging.captureWarnings(True)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "tria.middleware.RequestIdLogFilter"},
        "redact_pii": {"()": "tria.logfilters.RedactPIIFilter"},
    },
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
        },
        "plain": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if LOG_JSON else "plain",
            "filters": ["request_id", "redact_pii"],
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
}
