"""The reply catalogues (locale/*/LC_MESSAGES/django.po) compiled to .mo, in pure Python.

`python -m orders.locales` (run by `make install`, `make run` and `make test`) needs no GNU
gettext: polib writes the same .mo files msgfmt would, so a clean machine without the `gettext`
package still replies in Chinese, Malay and Tamil. A .mo is rewritten only when its .po is newer.
"""

from __future__ import annotations

import sys
from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


def compile_catalogues(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    """Compile every django.po that is newer than its .mo; returns the .mo files written."""
    written = []
    for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
        written.append(mo_path)
    return written


def main() -> int:
    for path in compile_catalogues():
        print(f"compiled {path.relative_to(LOCALE_DIR.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
