"""Every reply in English, Chinese, Malay and Tamil (issue 19): the catalogues under locale/ are
complete, and no English template text leaks into a non-English reply."""

import re
from pathlib import Path

import polib
import pytest
from django.utils import translation
from django.utils.functional import Promise

from orders import replies
from orders import services as order_services
from orders.locales import LOCALE_DIR, compile_catalogues
from orders.models import Invoice, Order
from tests.factories import OutletFactory
from tests.orders.support import load_catalogue

pytestmark = pytest.mark.django_db

LANGUAGES = {"zh-hans": "zh_Hans", "ms": "ms", "ta": "ta"}
PLACEHOLDER = re.compile(r"%\(\w+\)s")


@pytest.fixture(scope="module", autouse=True)
def compiled():
    compile_catalogues()


def catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE_DIR / LANGUAGES[language] / "LC_MESSAGES" / "django.po"))


def english_fragments() -> set[str]:
    """The English text of every template, cut at its placeholders, two words or more."""
    fragments = set()
    for entry in catalogue("ms"):
        for part in PLACEHOLDER.split(entry.msgid):
            part = part.strip(" .,:;()!?\"'")
            if len(re.findall(r"[A-Za-z]{2,}", part)) >= 2:
                fragments.add(part)
    return fragments


@pytest.fixture
def products():
    return load_catalogue()


def every_reply(products) -> list[str]:
    """Each reply the assistant can send, with real orders, deliveries and invoices."""
    outlet = OutletFactory(name="Napoli Pizza Bar")
    line = order_services.LineRequest(products["PB-10"], 400)
    order = order_services.create_order(outlet=outlet, lines=[line])
    pending = order_services.create_order(outlet=outlet, lines=[line], needs_approval=True)
    two = [products["PB-10"], products["PB-12"]]
    constants = [getattr(replies, name) for name in dir(replies) if name.isupper()]
    texts = [str(c) for c in constants if isinstance(c, Promise)]
    labels = [label for c in constants if isinstance(c, dict) for label in c.values()]
    texts += [str(label) for label in labels if isinstance(label, Promise)]
    texts += [
        replies.confirmation(order),
        replies.awaiting_approval(pending),
        replies.updated(order),
        replies.which_line(order, 500),
        replies.ask_quantity(order),
        replies.repeat_with_changes(order),
        replies.not_found(["foam box"]),
        replies.outlet_chosen(outlet),
        replies.statuses([order, pending]),
        replies.statuses([]),
        replies.deliveries([order.delivery]),
        replies.deliveries([]),
        replies.invoices([order.invoice]),
        replies.invoices([]),
        replies.product_info(two),
        replies.product_info([]),
        *(replies.change_refused(error) for error in refusals(products)),
        *(replies.cancel_refused(error) for error in refusals(products)),
        replies.cancelled(order),
        replies.delivery_reminder(order.delivery),
        replies.invoice_issued(order.invoice),
    ]
    for text, interactive in (
        replies.product_choice(400, "10-inch pizza box", two),
        replies.product_choice(400, "10-inch pizza box", two[:1]),
        replies.product_choice(2, "10-inch pizza box", two, "carton"),
        replies.product_choice(3, "10-inch pizza box", two[:1], "half carton"),
        replies.outlet_choice([outlet, OutletFactory(name="Kopi Corner")]),
        replies.rating_request(),
    ):
        texts.append(text)
        texts += interactive_labels(interactive)
    return texts


def refusals(products) -> list[order_services.OrderError]:
    """The real errors of a change or a cancel refused: dispatched, paid, no quantity."""
    outlet = OutletFactory(name="Kopi Corner")
    line = order_services.LineRequest(products["CUP-12"], 1000)
    dispatched = order_services.create_order(outlet=outlet, lines=[line])
    Order.objects.filter(pk=dispatched.pk).update(status=Order.Status.DISPATCHED)
    paid = order_services.create_order(outlet=outlet, lines=[line])
    Invoice.objects.filter(order=paid).update(status=Invoice.Status.PAID)
    attempts = [
        lambda: order_services.cancel_order(dispatched),
        lambda: order_services.cancel_order(paid),
        lambda: order_services.change_line_quantity(paid, paid.lines.get(), 0),
        lambda: order_services.approve_order(paid),
    ]
    errors = []
    for attempt in attempts:
        with pytest.raises(order_services.OrderError) as refused:
            attempt()
        errors.append(refused.value)
    return errors


def interactive_labels(value) -> list[str]:
    """Every button, list button, section and row title of an interactive object."""
    if isinstance(value, list):
        return [label for item in value for label in interactive_labels(item)]
    if not isinstance(value, dict):
        return []
    labels = [value[k] for k in ("title", "button") if isinstance(value.get(k), str)]
    return labels + [label for v in value.values() for label in interactive_labels(v)]


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_every_catalogue_entry_is_translated(language):
    untranslated = [e.msgid for e in catalogue(language) if not translated(e) or e.fuzzy]
    assert untranslated == []


def translated(entry) -> bool:
    """A text has its translation; a text with plural forms has every form."""
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_no_english_template_text_leaks_into_a_reply(language, products):
    fragments = english_fragments()
    with translation.override(language):
        texts = every_reply(products)
    leaks = [(fragment, text) for text in texts for fragment in fragments if fragment in text]
    assert leaks == []


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_every_reply_differs_from_the_english_one(language, products):
    with translation.override("en"):
        english = every_reply(products)
    with translation.override(language):
        translated = every_reply(products)
    assert len(english) == len(translated) > 40
    same = [en for en, other in zip(english, translated, strict=True) if en == other]
    # Only the numbered product and outlet names of a choice may read the same.
    assert same and all(re.match(r"\d\. ", text) for text in same), same


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_a_refused_change_or_cancel_gives_its_reason_in_the_customers_language(language, products):
    errors = refusals(products)
    with translation.override(language):
        texts = [replies.cancel_refused(e) for e in errors]
        texts += [replies.change_refused(e) for e in errors]
        dispatched = str(replies.STATUS_LABELS["dispatched"])
    english = {str(error) for error in errors}
    assert english == {
        f"{errors[0].order_number} is dispatched already.",
        f"{errors[1].order_number} is paid already.",
        "Quantities must be more than zero.",
        f"{errors[1].order_number} is not awaiting approval.",
    }
    assert [sentence for sentence in english for text in texts if sentence in text] == []
    assert not [text for text in texts if re.search(r"already|approval|zero", text)]
    assert errors[0].order_number in texts[0] and dispatched in texts[0]
    assert errors[1].order_number in texts[1]


def test_prices_and_dates_are_formatted_for_the_language(products):
    order = order_services.create_order(
        outlet=OutletFactory(), lines=[order_services.LineRequest(products["CUP-12"], 12000)]
    )
    with translation.override("zh-hans"):
        text = replies.confirmation(order)
    assert "12,000 x 12oz paper hot cup" in text and "S$1,046.40" in text
    assert re.search(r"\d+月\d+日（星期.）", text)
    with translation.override("ms"):
        assert "termasuk GST" in replies.confirmation(order)


def test_the_catalogues_compile_without_gnu_gettext(tmp_path: Path):
    target = tmp_path / "ms" / "LC_MESSAGES"
    target.mkdir(parents=True)
    (target / "django.po").write_bytes((LOCALE_DIR / "ms/LC_MESSAGES/django.po").read_bytes())
    assert compile_catalogues(tmp_path) == [target / "django.mo"]
    assert compile_catalogues(tmp_path) == []  # up to date: nothing rewritten


def test_the_image_and_every_make_target_that_runs_the_app_compile_the_catalogues():
    root = LOCALE_DIR.parent
    assert "RUN python -m orders.locales" in (root / "Dockerfile").read_text()
    makefile = (root / "Makefile").read_text()
    for target in ("install:", "install-dev:"):
        recipe = makefile.split(f"\n{target}", 1)[1].split("\n\n", 1)[0]
        assert "-m orders.locales" in recipe, target
    assert "*.mo" in (root / ".gitignore").read_text()  # built, never committed


@pytest.mark.parametrize(
    ("language", "unit", "quantity", "expected"),
    [
        ("en", "carton", 1, "1 carton"),
        ("en", "carton", 1200, "1,200 cartons"),
        ("en", "half carton", 3, "1.5 cartons"),
        ("en", "pcs", 400, "400"),
        ("zh-hans", "carton", 2, "2 箱"),
        ("ms", "carton", 2, "2 karton"),
        ("ta", "half carton", 1, "0.5 அட்டைப்பெட்டிகள்"),
    ],
)
def test_a_quantity_in_cartons_is_shown_in_cartons_in_each_language(
    language, unit, quantity, expected
):
    with translation.override(language):
        assert replies.amount(quantity, unit) == expected
