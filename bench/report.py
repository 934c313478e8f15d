"""bench/results/latest.json as the Markdown table of the README's Performance section.

python -m bench.report [path]
"""

import json
import sys
from pathlib import Path
from typing import Any

from bench import common


def markdown(entries: list[dict[str, Any]]) -> str:
    scales = [e for e in entries if e["scale"]["name"] != "smoke"]
    names = [r["name"] for r in scales[0]["operations"]] if scales else []
    header = "| operation | " + " | ".join(
        f"{e['scale']['messages'] // 1000:,}k msgs: tria median (p95) · raw · ratio" for e in scales
    )
    lines = [header + " | target |", "|---|" + "---|" * (len(scales) + 1)]
    for name in names:
        cells = []
        target = ""
        for entry in scales:
            row = next((r for r in entry["operations"] if r["name"] == name), None)
            check = entry["targets"].get(name)
            if check:
                unit = "×" if check["measure"] == "ratio" else " ms"
                target = f"≤ {check['limit']:g}{unit}"
            cells.append(_cell(row, check))
        lines.append(f"| `{name}` | " + " | ".join(cells) + f" | {target} |")
    hooks = [_hook(e["webhook_ingest"], e["targets"]) for e in scales]
    lines.append("| `webhook_ingest` | " + " | ".join(hooks) + " | ≥ 500 msgs/s, p95 < 50 ms |")
    return "\n".join(lines)


def _cell(row: dict | None, check: dict | None) -> str:
    if row is None:
        return "—"
    mark = "" if check is None else (" ✓" if check["ok"] else " ✗")
    return (
        f"{row['tria_median_ms']:.2f} ms ({row['tria_p95_ms']:.2f}) · "
        f"{row['raw_median_ms']:.2f} ms · {row['ratio']:.2f}×{mark}"
    )


def _hook(hook: dict | None, targets: dict) -> str:
    if not hook:
        return "—"
    mark = " ✓" if targets.get("webhook_ingest", {}).get("ok") else " ✗"
    return (
        f"{hook['msgs_per_s']:.0f} msgs/s accepted, {hook.get('stored_per_s', 0):.0f} stored;"
        f" p50 {hook['p50_ms']:.1f} / p95 {hook['p95_ms']:.1f}"
        f" / p99 {hook['p99_ms']:.1f} ms, {hook['errors']} errors{mark}"
    )


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else common.RESULTS
    print(markdown(json.loads(path.read_text())))


if __name__ == "__main__":
    main()
