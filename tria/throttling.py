"""Request rates of the API: API_THROTTLE_RATE per API key (DRF's throttling, counted in Redis).

The rate is read per request (so a changed setting applies at once); an empty rate turns the
limit off. Who is counted: the API key (tria.api.apikeys), else the logged-in user (a staff session
in the browsable API), else the client's address. A request over the rate gets 429 with
Retry-After, in the API's error envelope (tria.api.errors). Not in tria.api: DRF's settings
import it before that package's views exist (as tria.api.apikeys once did).
"""

from typing import Any

from django.conf import settings
from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle

from tria.models import ApiKey


class ApiKeyRateThrottle(SimpleRateThrottle):
    scope = "api_key"

    def get_rate(self) -> str | None:
        return settings.API_THROTTLE_RATE or None

    def get_cache_key(self, request: Request, view: Any) -> str:
        if isinstance(request.auth, ApiKey):
            ident = f"key:{request.auth.pk}"
        elif request.user is not None and request.user.is_authenticated:
            ident = f"user:{request.user.pk}"
        else:
            ident = f"ip:{self.get_ident(request)}"
        return self.cache_format % {"scope": self.scope, "ident": ident}
