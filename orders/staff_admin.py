"""Admin pages for orders placed or corrected by a colleague (orders.staff), reached from a
session's page and the support inbox through the session panel "order for the customer".

Thin views: permission (orders.place_order_for_customer, else 403) → form → orders.staff →
redirect to the session with a message. An invalid form or a refused order re-renders the form
with the reason (status 400) and changes nothing.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import AdminSite
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from conversations.models import ConversationSession
from orders import services as order_services
from orders import staff
from orders.models import Order, Product

LINE_ROWS = 6
RECENT_ORDERS = 5
SESSION_PAGE = "admin:conversations_conversationsession_change"


class OrderLineForm(forms.Form):
    product = forms.ModelChoiceField(
        Product.objects.filter(active=True), required=False, empty_label="—"
    )
    quantity = forms.IntegerField(min_value=1, max_value=staff.MAX_QUANTITY, required=False)

    def clean(self) -> dict:
        data = super().clean()
        product, quantity = data.get("product"), data.get("quantity")
        if product and quantity is None and "quantity" not in self.errors:
            self.add_error("quantity", "Give a quantity for this product.")
        if quantity is not None and not product:
            self.add_error("product", "Choose a product for this quantity.")
        return data


class BaseOrderLineFormSet(forms.BaseFormSet):
    def clean(self) -> None:
        if any(self.errors):
            return
        chosen = [f.cleaned_data["product"] for f in self.forms if f.cleaned_data.get("product")]
        if not chosen:
            raise forms.ValidationError("Choose at least one product and its quantity.")
        if len(set(chosen)) != len(chosen):
            raise forms.ValidationError("Each product once: put the whole quantity on one line.")

    def lines(self) -> list[order_services.LineRequest]:
        return [
            order_services.LineRequest(f.cleaned_data["product"], f.cleaned_data["quantity"])
            for f in self.forms
            if f.cleaned_data.get("product")
        ]


OrderLineFormSet = forms.formset_factory(
    OrderLineForm, formset=BaseOrderLineFormSet, extra=LINE_ROWS
)


class CorrectLineForm(forms.Form):
    line = forms.ModelChoiceField(queryset=None, empty_label=None)
    quantity = forms.IntegerField(min_value=1, max_value=staff.MAX_QUANTITY)

    def __init__(self, *args, order: Order, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["line"].queryset = order.lines.select_related("product")
        self.fields["line"].label_from_instance = lambda line: (
            f"{line.product} (now {line.quantity})"
        )


# ------------------------------------------------------------------ views


def _require(request: HttpRequest) -> None:
    if not request.user.has_perm(staff.PLACE):
        raise PermissionDenied


def _done(
    request: HttpRequest, session: ConversationSession | None, result, verb: str
) -> HttpResponse:
    order = result.order
    note = f"{order.number} {verb} ({order.get_status_display().lower()}, total {order.total})."
    if result.message is not None:
        messages.success(request, f"{note} The customer was sent {result.sent_as}.")
    else:
        messages.warning(request, f"{note} The customer was not told: {result.not_sent}")
    if session is None:
        return HttpResponseRedirect(reverse("admin:orders_order_change", args=[order.pk]))
    return HttpResponseRedirect(reverse(SESSION_PAGE, args=[session.pk]))


def place_order_view(request: HttpRequest, session_pk: str) -> HttpResponse:
    _require(request)
    session = get_object_or_404(ConversationSession.objects.select_related("outlet"), pk=session_pk)
    formset = OrderLineFormSet(request.POST or None, prefix="lines")
    error = ""
    if request.method == "POST" and formset.is_valid():
        try:
            result = staff.create_order_for_session(
                session, formset.lines(), request.user, request=request
            )
        except order_services.OrderError as exc:
            error = str(exc)
        else:
            return _done(request, session, result, "placed")
    context = {
        **admin.site.each_context(request),
        "title": f"Place an order for {session.outlet or 'this session'}",
        "session": session,
        "formset": formset,
        "error": error,
        "session_url": reverse(SESSION_PAGE, args=[session.pk]),
    }
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(request, "admin/orders/staff_place_order.html", context, status=status)


def correct_line_view(request: HttpRequest, order_pk: str) -> HttpResponse:
    _require(request)
    order = get_object_or_404(Order.objects.select_related("outlet", "session"), pk=order_pk)
    session = _session_of(request, order)
    form = CorrectLineForm(request.POST or None, order=order)
    error = ""
    if request.method == "POST" and form.is_valid():
        try:
            result = staff.correct_order_line(
                order,
                form.cleaned_data["line"],
                form.cleaned_data["quantity"],
                request.user,
                session=session,
                request=request,
            )
        except order_services.OrderError as exc:
            error = str(exc)
        else:
            return _done(request, session, result, "corrected")
    context = {
        **admin.site.each_context(request),
        "title": f"Correct {order.number}",
        "order": order,
        "form": form,
        "error": error,
        "session_url": reverse(SESSION_PAGE, args=[session.pk]) if session else "",
    }
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(request, "admin/orders/staff_correct_line.html", context, status=status)


def _session_of(request: HttpRequest, order: Order) -> ConversationSession | None:
    """The session the colleague came from (?session=), if it is of the order's outlet."""
    wanted = request.GET.get("session", "")
    if wanted.isdigit():
        found = ConversationSession.objects.filter(pk=wanted, outlet_id=order.outlet_id).first()
        if found is not None:
            return found
    return order.session


def urls(site: AdminSite) -> list:
    """Mounted under /admin/orders/order/ by OrderAdmin.get_urls."""
    return [
        path(
            "for-session/<int:session_pk>/",
            site.admin_view(place_order_view),
            name="orders_order_place_for_session",
        ),
        path(
            "<int:order_pk>/correct/",
            site.admin_view(correct_line_view),
            name="orders_order_correct_line",
        ),
    ]


# ------------------------------------------------------------------ the session panel


def session_order_actions(session: ConversationSession) -> str:
    """Links to place an order for the session's outlet and to correct its open orders."""
    if session.outlet_id is None:
        return "— (no outlet: register the sender as an outlet contact first)"
    place = format_html(
        '<a href="{}" id="place-order">Place an order for {}</a>',
        reverse("admin:orders_order_place_for_session", args=[session.pk]),
        session.outlet,
    )
    open_orders = Order.objects.filter(
        outlet_id=session.outlet_id, status__in=order_services.CHANGEABLE
    ).order_by("-created_at")[:RECENT_ORDERS]
    corrections = format_html_join(
        ", ",
        '<a href="{}?session={}" class="correct-order">correct {}</a>',
        (
            (reverse("admin:orders_order_correct_line", args=[o.pk]), session.pk, o.number)
            for o in open_orders
        ),
    )
    return format_html("{} · {}", place, corrections) if corrections else place
