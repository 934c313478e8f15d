"""A user's collected data (conversations.privacy.gdpr.collect_user_data) as JSON, CSV or PDF bytes.

Plain functions of the collected dict: no ORM. The PDF holds the full transcript; text in Chinese
script is set in a CID font (STSong-Light) so that it renders and can be searched. Other scripts
the standard font lacks (Tamil) are exact in the JSON and CSV exports.
"""

import csv
import datetime as dt
import io
import json
import re
from typing import Any
from xml.sax.saxutils import escape

from django.utils import timezone
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

CONTENT_TYPES = {"json": "application/json", "csv": "text/csv", "pdf": "application/pdf"}
CSV_COLUMNS = ["record", "session_id", "time", "role", "language", "intent", "content", "details"]
_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
_CJK_FONT = "STSong-Light"
# Indic scripts (Tamil among them) need a shaping font this PDF does not embed.
_UNDRAWABLE = re.compile(r"[\u0900-\u0DFF]")
UNDRAWABLE_NOTE = (
    "Some messages are in a script this PDF cannot draw (shown as boxes);"
    " the JSON and CSV exports hold every message exactly."
)


def render(data: dict[str, Any], fmt: str) -> bytes:
    renderers = {"json": render_json, "csv": render_csv, "pdf": render_pdf}
    return renderers[fmt](data)


def render_json(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2).encode()


# ------------------------------------------------------------------ CSV


def _csv_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    """One flat table: a `record` column says what each row is."""
    rows: list[dict[str, Any]] = []
    if data["summary"]:
        rows.append({"record": "summary", "details": data["summary"]})
    for session in data["sessions"]:
        sid = session["session_id"]
        rows.append(
            {
                "record": "session",
                "session_id": sid,
                "time": session["start_time"],
                "language": session["language"],
                "details": {
                    k: v for k, v in session.items() if k not in ("messages", "notes", "session_id")
                },
            }
        )
        for m in session["messages"]:
            rows.append(
                {
                    "record": "message",
                    "session_id": sid,
                    "time": m["timestamp"],
                    "role": m["role"],
                    "language": m["language"],
                    "intent": m["intent"],
                    "content": m["content"],
                    "details": {"context": m["context"], "pii_scrubbed": m["pii_scrubbed"]},
                }
            )
        for note in session.get("notes", []):
            rows.append(
                {
                    "record": "staff_note",
                    "session_id": sid,
                    "time": note["created_at"],
                    "content": note["text"],
                    "details": {"author": note["author"]},
                }
            )
    for order in data["orders"]:
        rows.append({"record": "order", "time": order["created_at"], "details": order})
    for contact in data["outlet_contacts"]:
        rows.append({"record": "outlet_contact", "details": contact})
    return rows


# A cell a spreadsheet would read as a formula (CSV injection) gets a leading apostrophe.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """`value` as a CSV cell that a spreadsheet shows as text, never runs as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return value


def render_csv(data: dict[str, Any]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for row in _csv_rows(data):
        details = row.get("details")
        row["details"] = json.dumps(details, ensure_ascii=False) if details else ""
        writer.writerow({column: safe_cell(row.get(column, "")) for column in CSV_COLUMNS})
    # A BOM so that spreadsheet programs read the file as UTF-8 (Chinese, Tamil).
    return ("\ufeff" + buffer.getvalue()).encode()


# ------------------------------------------------------------------ PDF


def _styles() -> dict[str, ParagraphStyle]:
    if _CJK_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(_CJK_FONT))
    sheet = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=sheet["BodyText"], fontSize=9, leading=12)
    return {
        "title": sheet["Title"],
        "h2": sheet["Heading2"],
        "h3": sheet["Heading3"],
        "body": body,
        "cjk": ParagraphStyle("cjk", parent=body, fontName=_CJK_FONT, wordWrap="CJK"),
    }


def _para(text: Any, styles: dict[str, ParagraphStyle], style: str = "body") -> Paragraph:
    value = "" if text is None else str(text)
    chosen = styles["cjk"] if style == "body" and _CJK.search(value) else styles[style]
    return Paragraph(escape(value).replace("\n", "<br/>"), chosen)


def _table(rows: list[list[Any]], styles: dict[str, ParagraphStyle], widths: list[float]) -> Table:
    cells = [[_para(cell, styles) for cell in row] for row in rows]
    table = Table(cells, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
                ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _summary_flowables(data: dict[str, Any], styles) -> list:
    story = [
        _para("Personal data held by tria", styles, "title"),
        _para(f"User (pseudonymous id): {data['user_id']}", styles),
        _para(f"Exported at: {_local(data['exported_at'])} (Singapore time)", styles),
        _para(f"Phone number on record: {data['identity'].get('phone_masked') or '-'}", styles),
    ]
    if _UNDRAWABLE.search(json.dumps(data["sessions"], ensure_ascii=False)):
        story.append(_para(UNDRAWABLE_NOTE, styles))
    if data["summary"]:
        story.append(_para("Summary", styles, "h2"))
        rows = [["Field", "Value"]] + [[k, _plain(v)] for k, v in data["summary"].items()]
        story.append(_table(rows, styles, [50 * mm, 120 * mm]))
    return story


def _transcript_flowables(data: dict[str, Any], styles) -> list:
    story = [_para(f"Conversations ({len(data['sessions'])})", styles, "h2")]
    for session in data["sessions"]:
        heading = f"Session {session['session_id']}, started {_local(session['start_time'])}"
        story += [_para(heading, styles, "h3")]
        rows = [["Time (SGT)", "From", "Message"]]
        rows += [[_local(m["timestamp"]), m["role"], m["content"]] for m in session["messages"]]
        rows += [
            [_local(n["created_at"]), f"note by {n['author'] or '—'}", n["text"]]
            for n in session.get("notes", [])
        ]
        story += [_table(rows, styles, [30 * mm, 20 * mm, 120 * mm]), Spacer(1, 4 * mm)]
    return story


def _order_flowables(data: dict[str, Any], styles) -> list:
    story = [_para(f"Orders ({len(data['orders'])})", styles, "h2")]
    if not data["orders"]:
        return story
    rows = [["Order", "Date", "Status", "Items", "Total (SGD)", "Invoice"]]
    for order in data["orders"]:
        items = "; ".join(f"{line['quantity']} x {line['sku']}" for line in order["lines"])
        invoice = (order.get("invoice") or {}).get("number", "")
        date = _local(order["created_at"])
        rows.append([order["number"], date, order["status"], items, order["total"], invoice])
    story.append(_table(rows, styles, [34 * mm, 28 * mm, 22 * mm, 36 * mm, 20 * mm, 30 * mm]))
    return story


def _local(value: str | None) -> str:
    """An ISO time as Singapore time for people: '2025-03-10 17:00'."""
    if not value:
        return "-"
    return timezone.localtime(dt.datetime.fromisoformat(value)).strftime("%Y-%m-%d %H:%M")


def _plain(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def render_pdf(data: dict[str, Any]) -> bytes:
    styles = _styles()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=f"Personal data of user {data['user_id'][:12]}",
        leftMargin=20 * mm,
        rightMargin=20 * mm,
    )
    story = _summary_flowables(data, styles)
    story += _transcript_flowables(data, styles)
    story += _order_flowables(data, styles)
    doc.build(story)
    return buffer.getvalue()
