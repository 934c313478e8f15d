"""API keys for machine clients: issue, authenticate, revoke; the DRF authentication class.

Rules:
- a key is shown once, when issued; only its SHA-256 is stored, with a short prefix to recognise it;
- a key acts as its user, so Django permissions apply to keys as to staff; a read-only key is
  also refused every write, whatever its user may do;
- a revoked key, or a key of an inactive user, authenticates nobody.
"""

import datetime as dt
import functools
import hashlib
import secrets
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Permission
from django.db import DEFAULT_DB_ALIAS, connection, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.request import Request

from tria.models import ApiKey

KEY_PREFIX = "tria_"
PREFIX_LENGTH = 12
# last_used_at is written at most this often per key, so reads stay read-only in the database.
TOUCH_INTERVAL = dt.timedelta(minutes=1)

# The models the REST API serves: a service user gets their permissions.
API_MODELS = {
    "conversations": [
        "conversationsession",
        "conversationmessage",
        "userinteractionsummary",
        "outlet",
        "outletcontact",
    ],
    "orders": ["product", "order", "deliveryorder", "invoice"],
}
READ_ACTIONS = ("view",)
WRITE_ACTIONS = ("view", "add", "change", "delete")


class ApiKeyError(ValueError):
    """A key cannot be issued as asked; the message says why."""


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def issue_api_key(
    name: str, *, username: str | None = None, read_only: bool = False
) -> tuple[ApiKey, str]:
    """Create a key for the user `username` (or a new service user `api-<name>`).

    Returns the stored key and the clear key, which exists nowhere else afterwards.
    """
    name = name.strip()
    if not name:
        raise ApiKeyError("the key needs a name")
    if ApiKey.objects.filter(name=name).exists():
        raise ApiKeyError(f"an API key named '{name}' already exists")
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        user = _key_user(name, username, read_only)
        api_key = ApiKey.objects.create(
            name=name,
            user=user,
            prefix=key[:PREFIX_LENGTH],
            key_hash=hash_key(key),
            read_only=read_only,
        )
    return api_key, key


def _key_user(name: str, username: str | None, read_only: bool) -> AbstractBaseUser:
    user_model = get_user_model()
    if username is not None:
        user = user_model.objects.filter(username=username).first()
        if user is None:
            raise ApiKeyError(f"no user named '{username}'")
        return user
    service_name = f"api-{name}"[:150]
    if user_model.objects.filter(username=service_name).exists():
        raise ApiKeyError(f"user '{service_name}' already exists; pass --user {service_name}")
    user = user_model.objects.create_user(username=service_name, password=None)
    grant_api_permissions(user, read_only=read_only)
    return user


def grant_api_permissions(user: AbstractBaseUser, *, read_only: bool) -> int:
    """Give `user` view (and unless read_only add/change/delete) on every API model."""
    actions = READ_ACTIONS if read_only else WRITE_ACTIONS
    match = Q()
    for app_label, models in API_MODELS.items():
        codenames = [f"{action}_{model}" for model in models for action in actions]
        match |= Q(content_type__app_label=app_label, codename__in=codenames)
    permissions = list(Permission.objects.filter(match))
    user.user_permissions.add(*permissions)
    return len(permissions)


def authenticate_key(key: str) -> ApiKey | None:
    """The active key whose hash matches, with its user and the user's permissions; else None.

    One query of constant text (so PostgreSQL can keep its plan), every request: the key, its
    user, and the user's permissions (own and through groups), which are put where Django's
    ModelBackend keeps them (`_perm_cache`), so has_perm runs no queries of its own.
    """
    sql, key_names, user_names = _key_query()
    with connection.cursor() as cursor:
        cursor.execute(sql, [hash_key(key)])
        row = cursor.fetchone()
    if row is None:
        return None
    split = len(key_names)
    api_key = ApiKey.from_db(DEFAULT_DB_ALIAS, key_names, row[:split])
    user = get_user_model().from_db(DEFAULT_DB_ALIAS, user_names, row[split:-1])
    user._perm_cache = set(row[-1])
    api_key.user = user
    now = timezone.now()
    if api_key.last_used_at is None or now - api_key.last_used_at > TOUCH_INTERVAL:
        ApiKey.objects.filter(pk=api_key.pk).update(last_used_at=now)
        api_key.last_used_at = now
    return api_key


# "app_label.codename" of every permission of the key's user, directly or through a group.
USER_PERMISSIONS_SQL = """ARRAY(
    SELECT ct.app_label || '.' || p.codename
    FROM auth_permission p JOIN django_content_type ct ON ct.id = p.content_type_id
    WHERE p.id IN (
        SELECT up.permission_id FROM auth_user_user_permissions up
        WHERE up.user_id = api_keys.user_id
        UNION
        SELECT gp.permission_id FROM auth_group_permissions gp
        JOIN auth_user_groups ug ON ug.group_id = gp.group_id
        WHERE ug.user_id = api_keys.user_id))"""


@functools.cache
def _key_query() -> tuple[str, list[str], list[str]]:
    """SELECT key columns, user columns, permissions FROM api_keys JOIN users, by key hash."""
    user_model = get_user_model()
    key_fields = ApiKey._meta.concrete_fields
    user_fields = user_model._meta.concrete_fields
    users = user_model._meta.db_table
    columns = [f'api_keys."{f.column}"' for f in key_fields]
    columns += [f'u."{f.column}"' for f in user_fields]
    # Identifiers from the models' metadata only; the key hash is a parameter.
    sql = (
        f"SELECT {', '.join(columns)}, {USER_PERMISSIONS_SQL}"  # noqa: S608
        f' FROM api_keys JOIN "{users}" u ON u."id" = api_keys."user_id"'
        ' WHERE api_keys."key_hash" = %s AND api_keys."revoked_at" IS NULL AND u."is_active"'
    )
    return sql, [f.attname for f in key_fields], [f.attname for f in user_fields]


def revoke_api_keys(keys: QuerySet[ApiKey]) -> int:
    """Revoke the active keys among `keys`; returns how many were revoked."""
    return keys.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())


class ApiKeyAuthentication(BaseAuthentication):
    """`Authorization: Bearer <key>`: the request acts as the key's user (request.auth: key)."""

    keyword = b"bearer"

    def authenticate(self, request: Request) -> tuple[Any, ApiKey] | None:
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword:
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(
                "Send the header as 'Authorization: Bearer <key>'."
            )
        try:
            key = parts[1].decode("ascii")
        except UnicodeDecodeError as exc:
            raise exceptions.AuthenticationFailed("Invalid API key.") from exc
        api_key = authenticate_key(key)
        if api_key is None:
            raise exceptions.AuthenticationFailed("Invalid or revoked API key.")
        return api_key.user, api_key

    def authenticate_header(self, request: Request) -> str:
        return 'Bearer realm="api"'
