"""Product search: which catalogue products a customer's phrase ("10 inch pizza box") can mean.

PostgreSQL does the matching: full-text search (english stemming, any word may match) over name,
category and description, and trigram word similarity (pg_trgm) of the phrase within the name, so
typos and word order still find the product. Both are served by GIN indexes (migration
0002_product_search). Sizes are compared here, after normalising both sides ('10"' == '10 inch').

Score in [0, 1] = 0.55 x trigram word similarity + 0.15 x full-text rank
  + size evidence (+0.15 the asked size, -0.4 another size)
  + head-noun evidence (+0.05 when the phrase's last noun is what the product is: "cold cups" are
    cups, not a "lid for cold cup"; -0.1 otherwise)
  + CATALOG_HISTORY_BOOST for products the outlet ordered before (a regular's usual product wins).
The assistant asks the customer when the best two candidates are within CATALOG_CLOSE_MARGIN,
rather than guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.conf import settings
from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    TrigramWordSimilarity,
)
from django.db.models import Q

from orders import parsing
from orders.models import OrderLine, Product

SEARCH_CONFIG = "english"
# Same expression as the GIN index product_search_gin, so the planner can use the index.
SEARCH_VECTOR = SearchVector("name", "category", "description", config=SEARCH_CONFIG)
CANDIDATE_LIMIT = 20
# Units that count a carton of the product (pack_size units each).
CARTON_UNITS = frozenset({"carton", "case", "box", "pack", "bundle"})
SLASH_SIZES = re.compile(r"(\d+(?:\.\d+)?)/(\d+(?:\.\d+)?)\s*(oz|ml|inch|\")")


@dataclass(frozen=True)
class Candidate:
    product: Product
    score: float


@dataclass(frozen=True)
class Match:
    """The result of looking one ordered item up: a clear product, a choice to offer, or nothing."""

    candidates: list[Candidate]
    close_margin: float

    @property
    def best(self) -> Product | None:
        """The product to use without asking, when the best candidate clearly wins."""
        if not self.candidates or self.candidates[0].score < settings.CATALOG_MIN_SCORE:
            return None
        if len(self.options) > 1:
            return None
        if self.candidates[0].score < settings.CATALOG_CONFIDENT_SCORE:
            return None
        return self.candidates[0].product

    @property
    def options(self) -> list[Product]:
        """Products close enough to the best one that the customer should choose (best first)."""
        if not self.candidates or self.candidates[0].score < settings.CATALOG_MIN_SCORE:
            return []
        top = self.candidates[0].score
        return [c.product for c in self.candidates if top - c.score < self.close_margin][:10]


def search_products(
    phrase: str, size: str | None = None, *, outlet_id: int | None = None, limit: int = 5
) -> list[Candidate]:
    """Active products matching phrase, best first, with scores in [0, 1]."""
    words = [w for w in re.findall(r"[a-z0-9]+", phrase.lower()) if len(w) > 1]
    if not words:
        return []
    query = SearchQuery(" or ".join(words), search_type="websearch", config=SEARCH_CONFIG)
    text = " ".join(words)
    rows = (
        Product.objects.filter(active=True)
        .annotate(
            search=SEARCH_VECTOR,
            rank=SearchRank(SEARCH_VECTOR, query, normalization=32),
            word_similarity=TrigramWordSimilarity(text, "name"),
        )
        .filter(Q(search=query) | Q(name__trigram_word_similar=text))
        .order_by("-word_similarity", "-rank")[:CANDIDATE_LIMIT]
    )
    usual = set(previously_ordered(outlet_id)) if outlet_id else set()
    head = parsing.singular(words[-1])
    scored = [
        Candidate(p, score_product(p, size, head, p.word_similarity, p.rank, usual)) for p in rows
    ]
    scored.sort(key=lambda c: (-c.score, c.product.sku))
    return scored[:limit]


def score_product(
    product: Product, size: str | None, head: str, similarity: float, rank: float, usual: set[int]
) -> float:
    score = 0.55 * similarity + 0.15 * min(rank * 2, 1.0) + size_evidence(product, size)
    score += 0.05 if product_head(product) == head else -0.1
    if product.pk in usual:
        score += settings.CATALOG_HISTORY_BOOST
    return round(max(0.0, min(1.0, score)), 3)


def size_evidence(product: Product, size: str | None) -> float:
    """+0.15 when the asked size is the product's, -0.4 when it is another size."""
    sizes = product_sizes(product)
    if size is None:
        return 0.15 if not sizes else 0.1
    if size in sizes:
        return 0.15
    return -0.4 if sizes else -0.1


def product_head(product: Product) -> str:
    """What a product is: '16oz dome lid for cold cup' -> 'lid'; '10" pizza box, kraft' -> 'box'."""
    name = re.split(r",| for | with ", product.name.lower())[0]
    words = re.findall(r"[a-z]+", name)
    return parsing.singular(words[-1]) if words else ""


def product_sizes(product: Product) -> set[str]:
    """Every size a product is sold for, normalised: '12/16oz sip lid' -> {'12 oz', '16 oz'}."""
    text = f"{product.size} {product.name}".lower()
    sizes = set(parsing.extract_sizes(parsing.normalise_text(text))[1])
    for first, second, unit in SLASH_SIZES.findall(text):
        unit_name = parsing.SIZE_UNITS[unit]
        sizes |= {parsing.format_size(first, unit_name), parsing.format_size(second, unit_name)}
    return sizes


def previously_ordered(outlet_id: int) -> list[int]:
    """Products this outlet has ordered before (its 'usual' products)."""
    lines = OrderLine.objects.filter(order__outlet_id=outlet_id).exclude(order__status="cancelled")
    return list(lines.values_list("product_id", flat=True).distinct()[:200])


def match_item(item: parsing.ParsedItem, *, outlet_id: int | None = None) -> Match:
    candidates = search_products(item.product, item.size, outlet_id=outlet_id)
    return Match(candidates=candidates, close_margin=settings.CATALOG_CLOSE_MARGIN)


def units_to_quantity(item: parsing.ParsedItem, product: Product) -> int:
    """How many of the product's units an item asks for: '2 cartons' of a 1000-pack = 2000,
    'half a carton' of a 250-pack = 125 (half of an odd pack rounds down)."""
    if item.unit == parsing.HALF_CARTON:
        return item.quantity * product.pack_size // 2
    if item.unit in CARTON_UNITS and not product.unit.startswith(item.unit):
        return item.quantity * product.pack_size
    return item.quantity
