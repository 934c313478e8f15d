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


def webhook_markdown(entries: list[dict[str, Any]]) -> str:
    """The webhook next to the bare-WSGI baseline, per scale (same run, same load generator)."""
    lines = [
        "| scale | receiver | accepted/s | stored/s | p50 | p95 | p99 | errors | stored once"
        " | CPU ms per message |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for entry in entries:
        hook = entry.get("webhook_ingest")
        if entry["scale"]["name"] == "smoke" or not hook or "baseline" not in hook:
            continue
        scale = f"{entry['scale']['messages'] // 1000:,}k msgs"
        base = hook["baseline"]
        for name, row, stored_per_s in (
            ("bare WSGI baseline, 3 sync workers", base, base["msgs_per_s"]),
            (
                f"tria: {hook['gunicorn'].split(' (')[0]} + {hook.get('ingesters', 1)} ingester(s)",
                hook,
                hook["stored_per_s"],
            ),
        ):
            check = row["stored"]
            lines.append(
                f"| {scale} | {name} | {row['msgs_per_s']:,.0f} | {stored_per_s:,.0f} |"
                f" {row['p50_ms']:.1f} ms | {row['p95_ms']:.1f} ms | {row['p99_ms']:.1f} ms |"
                f" {row['errors']} | {check['stored_distinct']:,}/{check['stored']:,} |"
                f" {_cpu(row.get('cpu_ms_per_msg'))} |"
            )
        ok = entry["targets"].get("webhook_vs_baseline", {}).get("ok")
        lines.append(
            f"| {scale} | **tria / baseline** ({hook['generator']}) |"
            f" **{hook['ratio_accepted']:.2f}×** (≥ 0.8) | | | |"
            f" **{hook['ratio_p99']:.2f}×** (≤ 3) | | {'✓' if ok else '✗'} |"
            f" **{hook.get('ratio_cpu_per_msg', 0):.2f}×** |"
        )
    return "\n".join(lines)


def _cpu(cpu: dict[str, float] | None) -> str:
    if not cpu:
        return "—"
    parts = " + ".join(f"{k} {v:.2f}" for k, v in cpu.items() if k != "total")
    return f"{cpu['total']:.2f} ({parts})"


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
    entries = json.loads(path.read_text())
    print(markdown(entries))
    print()
    print(webhook_markdown(entries))


if __name__ == "__main__":
    main()
