"""Admin pages beyond the model admins: the monitoring dashboard at /admin/dashboard/."""

import datetime as dt

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.template.response import TemplateResponse

from ops import charts, dashboard

LANGUAGE_NAMES = {"en": "English", "zh": "Chinese", "ms": "Malay", "ta": "Tamil", "": "not known"}


def _day(d: dt.date) -> str:
    return d.strftime("%d %b")


def build_charts(data: dashboard.Dashboard) -> dict[str, str]:
    """The page's SVG charts from the dashboard numbers."""
    v = data.volume
    days = [_day(d) for d, _ in v.sessions_per_day]
    return {
        "sessions": charts.bar_chart(
            "Sessions per day", [(_day(d), n) for d, n in v.sessions_per_day]
        ),
        "messages": charts.line_chart(
            "Messages per day",
            days,
            [
                ("customers", [u for _, u, _ in v.messages_per_day]),
                ("assistant", [a for _, _, a in v.messages_per_day]),
            ],
        ),
        "active_users": charts.line_chart(
            "Active users per day", days, [("users", [n for _, n in v.active_users_per_day])]
        ),
        "session_sizes": charts.hbar_chart("Messages per session", v.session_sizes),
        "intents": charts.hbar_chart(
            "Intent distribution",
            [(i.replace("_", " ") or "not classified", n) for i, n in data.intents],
        ),
        "languages": charts.hbar_chart(
            "Language preferences",
            [(LANGUAGE_NAMES.get(code, code), n) for code, n in data.languages],
        ),
        "satisfaction": charts.line_chart(
            "Satisfaction (1–5)",
            [_day(d) for d, _, _ in data.satisfaction],
            [("average rating", [avg for _, avg, _ in data.satisfaction])],
        ),
    }


def dashboard_view(request: HttpRequest) -> TemplateResponse:
    """Staff with a conversation role only; a bad period is shown as an error (400)."""
    if not request.user.has_perm("conversations.view_conversationsession"):
        raise PermissionDenied
    error, status = "", 200
    try:
        period = dashboard.parse_period(request.GET.get("from"), request.GET.get("to"))
    except dashboard.InvalidPeriod as exc:
        period, error, status = dashboard.default_period(), str(exc), 400
    data = dashboard.build_dashboard(period)
    context = {
        **admin.site.each_context(request),
        "title": "Dashboard",
        "data": data,
        "charts": build_charts(data),
        "error": error,
    }
    return TemplateResponse(request, "admin/dashboard.html", context, status=status)
