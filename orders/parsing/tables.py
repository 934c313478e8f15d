"""A pasted table read by its header row: only the quantity column is a quantity.

"SKU,Description,On hand,Reorder qty" above "CUP-08,8oz hot cup,120,2000", "Kod | Nama | Baki |
Pesan", "编号,名称,现有,补货数量", "S/N | Description | Qty | Unit Price | Amount": inventory
exports, POS exports and quotations pasted from a spreadsheet. Every row becomes its product's words
and the figure of the one quantity column (before, the stock on hand, the serial number or the
price was read as a second quantity, and the product code beside the description as a second
line). A table whose header names no quantity column, or two, is left as it is (the parser asks as
before). Pure string functions; imports nothing of tria but orders.parsing.
"""

from __future__ import annotations

import re

SEPARATORS = ("|", "\t", ",")

# Column names, by what the column holds (checked in this order: "unit price" is a price, not a
# unit; "reorder qty" a quantity).
STOCK = re.compile(
    r"\b(?:on hand|in stock|stock|balance|bal|baki|sisa|left|current|available|avail)\b"
    r"|现有|库存|剩"
)
PRICE = re.compile(
    r"\b(?:price|unit price|amount|amt|total|subtotal|cost|harga|jumlah harga|rm|sgd)\b"
    r"|\$|单价|金额|总价|价格|合计"
)
SERIAL = re.compile(r"^(?:s/?n|no\.?|#|bil\.?|sr\.?|序号|line)$")
CODE = re.compile(r"^(?:sku|code|kod|item code|product code|编号|代码)$")
NAME = re.compile(
    r"^(?:item|items|description|desc|name|nama|product|produk|barang|item name|product name"
    r"|名称|品名|商品|产品|项目)$"
)
QUANTITY = re.compile(
    r"^(?:(?:re)?order(?:ed)?\s+)?(?:qty|quantity|kuantiti)$|^(?:reorder|pesan|pesanan|order)$"
    r"|^(?:补货|订购|订货)?数量$"
)
UNIT = re.compile(r"^(?:unit|uom|unit of measure)$")
# a quantity cell: a figure, and its unit written in it ("2 ctn", "500套")
FIGURE = re.compile(r"^\d+(?:\.\d+)?\s*(?:[a-z]+|[^\x00-\x7f]{1,2})?$")
# the columns whose words are no product's: a column of another name ("Size", "规格", "Colour")
# says what the product is, and stays with it
NOT_PRODUCT = frozenset({"quantity", "unit", "stock", "price", "serial"})


def read_tables(text: str) -> str:
    """Lower-cased text with every table whose header names one quantity column as lines of
    'product words quantity unit' (the other columns dropped); other text unchanged."""
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        columns = header_columns(lines[index])
        if columns is None:
            out.append(lines[index])
            index += 1
            continue
        separator, kinds = columns
        if out and out[-1].strip():
            out[-1] += " ."  # "LOW STOCK REPORT" above the header: a title, no product words
        index += 1
        while index < len(lines) and separator in lines[index]:
            row = [cell.strip() for cell in lines[index].split(separator)]
            read = row_as_line(row, kinds) if len(row) == len(kinds) else None
            out.append(lines[index] if read is None else read)
            index += 1
    return "\n".join(out)


def header_columns(line: str) -> tuple[str, list[str]] | None:
    """(separator, the kind of each column) when line is a table's header row with one quantity
    column and a column that names the product; None for any other line."""
    for separator in SEPARATORS:
        if separator not in line:
            continue
        kinds = [column_kind(cell.strip()) for cell in line.split(separator)]
        if kinds.count("quantity") != 1:
            continue
        # "Packaging order wk 23 \t Qty \t Unit price": a column of another name may name it
        if {"name", "other", "code"} & set(kinds):
            return separator, kinds
    return None


def column_kind(cell: str) -> str:
    """What a column holds, by its name: quantity, stock, price, serial, code, name, unit or
    other."""
    if QUANTITY.search(cell):
        return "quantity"
    if UNIT.search(cell):
        return "unit"
    for kind, pattern in (
        ("stock", STOCK),
        ("price", PRICE),
        ("serial", SERIAL),
        ("code", CODE),
        ("name", NAME),
    ):
        if pattern.search(cell):
            return kind
    return "other"


def row_as_line(row: list[str], kinds: list[str]) -> str | None:
    """One row as 'product words quantity unit': every column but the quantity's, its unit's, the
    stock, price and serial columns (and the code column when another names the product). A total
    row (no product words) is dropped: ''. A row whose quantity cell holds no figure is left as it
    is: None."""
    quantity = row[kinds.index("quantity")]
    if not FIGURE.match(quantity):
        return None
    dropped = NOT_PRODUCT | ({"code"} if {"name", "other"} & set(kinds) else set())
    product = " ".join(
        cell for cell, kind in zip(row, kinds, strict=True) if kind not in dropped and cell != "-"
    )
    if not re.search(r"[^\W\d_]", product):
        return ""
    unit = " ".join(cell for cell, kind in zip(row, kinds, strict=True) if kind == "unit")
    return f"{product} {quantity} {unit};".replace(" ;", ";")
