"""Charts as inline SVG, drawn on the server: no JavaScript library, no CDN, works offline.

Pure functions of plain data. Every label and value is escaped; every bar or point carries a
<title> so a mouse-over shows its value, and the <svg> has a title for screen readers.
"""

from collections.abc import Sequence

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

WIDTH = 640
HEIGHT = 220
MARGIN_LEFT = 44
MARGIN_BOTTOM = 28
MARGIN_TOP = 12
COLOURS = ("#417690", "#e8a33d", "#79aec8", "#5b8c5a")


def _nice_max(value: float) -> float:
    """A round axis maximum at or above `value` (1, 2, 5 × 10^n)."""
    if value <= 0:
        return 1.0
    scale = 1.0
    while scale * 10 <= value:
        scale *= 10
    for step in (1, 2, 5, 10):
        if step * scale >= value:
            return step * scale
    return 10 * scale


def _n(value: float) -> str:
    """A coordinate with one decimal (format_html escapes its arguments, so format first)."""
    return f"{value:.1f}"


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def _axis(top: float, plot_h: float, width: int) -> SafeString:
    """Horizontal grid lines at 0, ½ and the maximum, with their values."""
    rows = []
    for fraction in (0.0, 0.5, 1.0):
        y = MARGIN_TOP + plot_h * (1 - fraction)
        rows.append(
            (MARGIN_LEFT, _n(y), width, _n(y), MARGIN_LEFT - 4, _n(y + 4), _fmt(top * fraction))
        )
    return format_html_join(
        "",
        '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#ddd"/>'
        '<text x="{}" y="{}" text-anchor="end" font-size="10">{}</text>',
        rows,
    )


def _x_labels(labels: Sequence[str], slot: float) -> SafeString:
    """At most ~10 labels under the plot, evenly spaced."""
    every = max(1, -(-len(labels) // 10))
    rows = [
        (_n(MARGIN_LEFT + slot * (i + 0.5)), HEIGHT - 8, label)
        for i, label in enumerate(labels)
        if i % every == 0
    ]
    return format_html_join(
        "", '<text x="{}" y="{}" text-anchor="middle" font-size="10">{}</text>', rows
    )


def _concat(*parts: SafeString) -> SafeString:
    """Join already-safe fragments (each was built with format_html)."""
    return format_html_join("", "{}", ((part,) for part in parts))


def _svg(title: str, body: SafeString, width: int = WIDTH, height: int = HEIGHT) -> SafeString:
    return format_html(
        '<svg class="chart" role="img" viewBox="0 0 {} {}" width="100%" '
        'preserveAspectRatio="xMidYMid meet" xmlns="http://www.w3.org/2000/svg">'
        "<title>{}</title>{}</svg>",
        width,
        height,
        title,
        body,
    )


def bar_chart(title: str, points: Sequence[tuple[str, float]], colour: str = COLOURS[0]) -> str:
    """Vertical bars, one per (label, value)."""
    if not points:
        return empty_chart(title)
    plot_w, plot_h = WIDTH - MARGIN_LEFT, HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    top = _nice_max(max(v for _, v in points))
    slot = plot_w / len(points)
    bars = format_html_join(
        "",
        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}: {}</title></rect>',
        (
            (
                _n(MARGIN_LEFT + slot * i + slot * 0.1),
                _n(MARGIN_TOP + plot_h * (1 - value / top)),
                _n(slot * 0.8),
                _n(plot_h * value / top),
                colour,
                label,
                _fmt(value),
            )
            for i, (label, value) in enumerate(points)
        ),
    )
    labels = _x_labels([label for label, _ in points], slot)
    return _svg(title, _concat(_axis(top, plot_h, WIDTH), bars, labels))


def line_chart(
    title: str, labels: Sequence[str], series: Sequence[tuple[str, Sequence[float | None]]]
) -> str:
    """One line per named series over the same labels; None leaves a gap."""
    values = [v for _, vs in series for v in vs if v is not None]
    if not labels or not values:
        return empty_chart(title)
    plot_w, plot_h = WIDTH - MARGIN_LEFT, HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    top = _nice_max(max(values))
    slot = plot_w / len(labels)
    parts = [_axis(top, plot_h, WIDTH)]
    for index, (name, points) in enumerate(series):
        colour = COLOURS[index % len(COLOURS)]
        xy = [
            (MARGIN_LEFT + slot * (i + 0.5), MARGIN_TOP + plot_h * (1 - v / top), v, labels[i])
            for i, v in enumerate(points)
            if v is not None
        ]
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y, _, _ in xy)
        parts.append(
            format_html(
                '<polyline points="{}" fill="none" stroke="{}" stroke-width="2"/>', path, colour
            )
        )
        parts.append(
            format_html_join(
                "",
                '<circle cx="{}" cy="{}" r="3" fill="{}"><title>{} {}: {}</title></circle>',
                ((_n(x), _n(y), colour, name, label, _fmt(v)) for x, y, v, label in xy),
            )
        )
    parts.append(_x_labels(labels, slot))
    parts.append(_legend(series))
    return _svg(title, _concat(*parts))


def _legend(series: Sequence[tuple[str, object]]) -> SafeString:
    return format_html_join(
        "",
        '<rect x="{}" y="2" width="10" height="10" fill="{}"/>'
        '<text x="{}" y="11" font-size="11">{}</text>',
        (
            (MARGIN_LEFT + 10 + 130 * i, COLOURS[i % len(COLOURS)], MARGIN_LEFT + 24 + 130 * i, n)
            for i, (n, _) in enumerate(series)
        ),
    )


def hbar_chart(title: str, items: Sequence[tuple[str, float]], colour: str = COLOURS[0]) -> str:
    """Horizontal bars with their label on the left and value on the right (distributions)."""
    if not items:
        return empty_chart(title)
    row_h, label_w, value_w = 22, 150, 60
    height = row_h * len(items) + 8
    top = max(v for _, v in items) or 1
    bar_w = WIDTH - label_w - value_w
    rows = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="end" font-size="11">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}: {}</title></rect>'
        '<text x="{}" y="{}" font-size="11">{}</text>',
        (
            (
                label_w - 6,
                row_h * i + 18,
                label,
                label_w,
                row_h * i + 5,
                _n(bar_w * value / top),
                row_h - 8,
                colour,
                label,
                _fmt(value),
                _n(label_w + bar_w * value / top + 4),
                row_h * i + 18,
                _fmt(value),
            )
            for i, (label, value) in enumerate(items)
        ),
    )
    return _svg(title, rows, WIDTH, height)


def empty_chart(title: str) -> str:
    return _svg(
        title,
        format_html(
            '<text x="{}" y="{}" text-anchor="middle" font-size="13" fill="#666">{}</text>',
            WIDTH // 2,
            60,
            "No data in this period",
        ),
        WIDTH,
        100,
    )
