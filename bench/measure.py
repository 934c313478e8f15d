"""Timing: interleaved pairs (ours, raw) with warm-up; medians and p95 in milliseconds."""

import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass
class Timing:
    name: str
    tria_ms: list[float]
    raw_ms: list[float]

    def row(self) -> dict[str, Any]:
        tria_median, raw_median = median(self.tria_ms), median(self.raw_ms)
        return {
            "name": self.name,
            "tria_median_ms": round(tria_median, 3),
            "tria_p95_ms": round(percentile(self.tria_ms, 95), 3),
            "raw_median_ms": round(raw_median, 3),
            "raw_p95_ms": round(percentile(self.raw_ms, 95), 3),
            "ratio": round(tria_median / raw_median, 2) if raw_median else None,
            "runs": len(self.tria_ms),
        }


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else 0.0


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, round(pct / 100 * len(ordered) + 0.4999))
    return ordered[min(rank, len(ordered)) - 1]


def _timed(fn: Callable[[Any], Any], arg: Any) -> float:
    started = time.perf_counter_ns()
    fn(arg)
    return (time.perf_counter_ns() - started) / 1e6


def compare(
    name: str,
    tria: Callable[[Any], Any],
    raw: Callable[[Any], Any],
    args: Sequence[Any],
    *,
    runs: int,
    warmup: int,
) -> Timing:
    """Run both sides with the same argument each round, alternating which goes first."""
    for i in range(warmup):
        tria(args[i % len(args)])
        raw(args[i % len(args)])
    timing = Timing(name, [], [])
    for i in range(runs):
        arg = args[(warmup + i) % len(args)]
        if i % 2:
            timing.raw_ms.append(_timed(raw, arg))
            timing.tria_ms.append(_timed(tria, arg))
        else:
            timing.tria_ms.append(_timed(tria, arg))
            timing.raw_ms.append(_timed(raw, arg))
    return timing
