"""The /progress picture: how long one takes to draw, how big it is, whether drawing many holds
memory, and whether the event loop keeps running while one is drawn.

Draws with the production code (`handlers.pictures.render_png`; `draw`, which draws in the
bot's drawing process, for the event-loop part) three snapshots: a busy journey in English, the
same in Russian, and an empty one. Baselines in the same run: the floor of any matplotlib
picture (an empty 800 × 600 figure saved as PNG with the same backend), and for the event loop,
the same pictures drawn in a thread of this process instead of the drawing process.

    .venv/bin/python bench/progress_picture.py                 # 1,000 renders for memory; ~4 min
    .venv/bin/python bench/progress_picture.py --memory-renders 200

Targets (issue 13): a picture drawn in under 300 ms on this machine, under 200 KB, and no
memory growth across 1,000 renders in a row. Exits 1 when one is missed.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import argparse
import asyncio
import gc
import io
import statistics
import time
from datetime import date, timedelta

from bench._common import current_rss_mb, header, table
from core.progress import ProgressSnapshot
from handlers.pictures import DPI, HEIGHT, WIDTH, draw, render_png

TARGET_MS = 300.0
TARGET_BYTES = 200 * 1024
# RSS may move by allocator noise; more than this after 1,000 renders counts as growth.
GROWTH_TOLERANCE_MB = 5.0
SUNDAY = date(2026, 11, 29)


def busy(language: str) -> ProgressSnapshot:
    """Four weeks of a journey: eight mood answers, walks most days, employers at three stages."""
    return ProgressSnapshot(
        language=language,
        today=SUNDAY,
        moods=tuple((SUNDAY - timedelta(days=26 - 3 * i), 2 + i % 4) for i in range(9)),
        walked=frozenset(SUNDAY - timedelta(days=d) for d in range(27) if d % 3),
        skipped=frozenset(SUNDAY - timedelta(days=d) for d in range(27) if d % 9 == 0),
        stages=(2, 1, 1, 1, 0),
        steps="dddsdddcst",
    )


def baseline_png() -> bytes:
    """An empty 800 × 600 figure saved as PNG: what any matplotlib picture costs at least."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(WIDTH / DPI, HEIGHT / DPI), dpi=DPI)
    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


def timed(render: object, repeat: int) -> tuple[list[float], int]:
    """Milliseconds of each of `repeat` calls, and the size of the last PNG."""
    times: list[float] = []
    size = 0
    for _ in range(repeat):
        start = time.perf_counter()
        png = render()  # type: ignore[operator]
        times.append((time.perf_counter() - start) * 1000)
        size = len(png)
    return times, size


async def loop_lag_while_drawing(
    snapshot: ProgressSnapshot, pictures: int
) -> tuple[float, float, float]:
    """The longest extra delay (ms) of a 10 ms tick of the event loop while `pictures` are
    drawn through `draw` (the drawing process), while the same are drawn in a thread of this
    process (the alternative), and with nothing drawn."""

    async def ticker(stop: asyncio.Event) -> float:
        longest, last = 0.0, time.perf_counter()
        while not stop.is_set():
            await asyncio.sleep(0.01)
            now = time.perf_counter()
            longest, last = max(longest, (now - last) * 1000 - 10), now
        return longest

    stop = asyncio.Event()
    idle = asyncio.ensure_future(ticker(stop))
    await asyncio.sleep(1.0)
    stop.set()
    idle_lag = await idle
    await draw(snapshot)  # the drawing process is started on first use: not measured
    stop = asyncio.Event()
    busy_ticker = asyncio.ensure_future(ticker(stop))
    for _ in range(pictures):
        await draw(snapshot)
    stop.set()
    process_lag = await busy_ticker
    stop = asyncio.Event()
    thread_ticker = asyncio.ensure_future(ticker(stop))
    for _ in range(pictures):
        await asyncio.to_thread(render_png, snapshot)
    stop.set()
    return process_lag, await thread_ticker, idle_lag


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=50, help="timed renders per snapshot")
    parser.add_argument("--memory-renders", type=int, default=1000)
    args = parser.parse_args()

    header("The /progress picture")
    cold_start = time.perf_counter()
    first = render_png(busy("en"))
    cold_ms = (time.perf_counter() - cold_start) * 1000
    print(f"first picture in a fresh process (imports matplotlib, loads fonts): {cold_ms:.0f} ms")
    baseline_png()

    cases = {
        "baseline: empty figure as PNG": baseline_png,
        "busy journey, English": lambda: render_png(busy("en")),
        "busy journey, Russian": lambda: render_png(busy("ru")),
        "empty journey": lambda: render_png(ProgressSnapshot(language="en", today=SUNDAY)),
    }
    rows = []
    missed = False
    for name, render in cases.items():
        times, size = timed(render, args.repeat)
        median = statistics.median(times)
        p95 = statistics.quantiles(times, n=20)[-1]
        rows.append(
            (name, f"{median:.0f}", f"{p95:.0f}", f"{max(times):.0f}", f"{size / 1024:.0f}")
        )
        if not name.startswith("baseline"):
            missed |= median >= TARGET_MS or size >= TARGET_BYTES
    table(rows, ("picture", "median ms", "p95 ms", "max ms", "KB"))
    print(f"targets: median under {TARGET_MS:.0f} ms, under {TARGET_BYTES // 1024} KB")
    assert first.startswith(b"\x89PNG")

    snapshot = busy("en")
    for _ in range(20):  # warm: caches matplotlib fills once
        render_png(snapshot)
    gc.collect()
    rss_before, objects_before = current_rss_mb(), len(gc.get_objects())
    start = time.perf_counter()
    for _ in range(args.memory_renders):
        render_png(snapshot)
    seconds = time.perf_counter() - start
    gc.collect()
    rss_after, objects_after = current_rss_mb(), len(gc.get_objects())
    growth = rss_after - rss_before
    print(
        f"\n{args.memory_renders:,} renders in a row: {seconds:.0f} s "
        f"({seconds / args.memory_renders * 1000:.0f} ms each); RSS {rss_before:.1f} MB → "
        f"{rss_after:.1f} MB ({growth:+.1f} MB); Python objects {objects_before:,} → "
        f"{objects_after:,} ({objects_after - objects_before:+,})"
    )
    missed |= growth > GROWTH_TOLERANCE_MB

    process_lag, thread_lag, idle_lag = asyncio.run(loop_lag_while_drawing(snapshot, 20))
    print(
        "event loop while 20 pictures are drawn, longest extra delay of a 10 ms tick: "
        f"{process_lag:.0f} ms through draw() (the drawing process), {thread_lag:.0f} ms when "
        f"drawn in a thread of the bot's process instead, {idle_lag:.0f} ms with nothing drawn"
    )
    print("\nresult:", "targets missed" if missed else "all targets met")
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
