"""Staff accounts in each admin role (the groups come from tria's roles migration)."""

import pytest
from django.contrib.auth.models import Group, User

ROLES = ("Support agent", "Supervisor", "Privacy officer")


@pytest.fixture
def make_staff(db):
    def make(role: str | None, username: str | None = None, password: str | None = None) -> User:
        name = username or (role or "no role").lower().replace(" ", "-")
        user = User.objects.create_user(name, password=password, is_staff=True)
        if role:
            user.groups.add(Group.objects.get(name=role))
        return user

    return make


@pytest.fixture
def login_as(client, make_staff):
    """A test client logged in as a new staff member with the given role (or none)."""

    def login(role: str | None):
        user = make_staff(role)
        client.force_login(user)
        client.user = user
        return client

    return login
