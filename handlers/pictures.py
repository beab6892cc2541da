"""The /progress picture: a progress snapshot drawn as a PNG with matplotlib (Agg).

Drawn when the message is sent (`handlers.sending`), in one worker process of its own (started
on first use): matplotlib's drawing holds the GIL for long stretches, so in a thread of the bot's
process it stalled the event loop for up to ~0.1 s a picture (`bench/progress_picture.py`); in
its own process other users are answered meanwhile, the bot never imports matplotlib, and a
crash in drawing can't take the bot down (the pool is started again; the words go without the
picture). One worker: two pictures are never drawn at once. Only the object-oriented API is used
(no pyplot): a figure is freed when it goes out of scope, so drawing many pictures holds no more
memory than drawing one.

Everything is drawn on one canvas in pixel coordinates (800 × 600, y down) rather than in four
matplotlib axes: axes with their ticks cost more to build than the whole picture takes to draw.

Four panels: mood over time, the walk calendar of the last four weeks, employers by stage
against the five to aim for, and the ten steps. Each says so when it has nothing to show.
"""

from __future__ import annotations

import asyncio
import io
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from babel.dates import format_skeleton, get_day_names

from core.journey.steps import STAGES
from core.progress import (
    CALENDAR_WEEKS,
    CURRENT,
    DONE,
    MOOD_HIGHEST,
    MOOD_LOWEST,
    SKIPPED,
    STEPS,
    TARGET_EMPLOYERS,
    ProgressSnapshot,
)
from core.texts.catalogue import say
from core.texts.languages import language_for

if TYPE_CHECKING:
    from matplotlib.axes import Axes

# 800 × 600 pixels: readable on a phone, well under the 200 KB a picture may take.
WIDTH, HEIGHT, DPI = 800, 600, 100
# The palette (tests look for these colours in the picture).
MOOD_COLOUR = "#2f6fdb"
WALKED_COLOUR = "#1f9d63"
SKIPPED_COLOUR = "#f0a030"
EMPTY_COLOUR = "#e6e8ec"
TARGET_COLOUR = "#d64545"
STEP_COLOURS = {DONE: WALKED_COLOUR, SKIPPED: "#a3a9b3", CURRENT: MOOD_COLOUR}
STAGE_COLOURS = ("#c9b8f5", "#a98bef", "#8a62e6", "#6b3fd4", "#4c23a8")
INK, MUTED = "#1f2430", "#6b7280"

# A filled rectangle: x, y (top left), width, height, colour.
Square = tuple[float, float, float, float, str]

_pool: ProcessPoolExecutor | None = None


def _worker() -> ProcessPoolExecutor:
    """The drawing process, started on first use ("spawn": a fresh interpreter, not a fork of
    an event loop with threads)."""
    global _pool
    if _pool is None:
        _pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    return _pool


async def draw(snapshot: ProgressSnapshot) -> bytes:
    """The snapshot as a PNG, drawn in the drawing process."""
    global _pool
    loop = asyncio.get_running_loop()
    try:
        return await loop.run_in_executor(_worker(), render_png, snapshot)
    except BrokenProcessPool:
        # The worker died (killed, out of memory): start another and try once more.
        _pool = None
        return await loop.run_in_executor(_worker(), render_png, snapshot)


def render_png(snapshot: ProgressSnapshot) -> bytes:
    """The snapshot as a PNG (800 × 600)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(WIDTH / DPI, HEIGHT / DPI), dpi=DPI, facecolor="white")
    FigureCanvasAgg(figure)
    canvas = figure.add_axes((0, 0, 1, 1))
    canvas.set_xlim(0, WIDTH)
    canvas.set_ylim(HEIGHT, 0)
    canvas.set_axis_off()
    lang = snapshot.language
    _text(canvas, 24, 36, say("picture.title", lang), size=17, colour=INK)
    if snapshot.empty:
        _text(canvas, WIDTH - 24, 36, say("picture.empty", lang), align="right")
    squares: list[Square] = []
    _mood(canvas, snapshot)
    _walks(canvas, snapshot, squares)
    _employers(canvas, snapshot, squares)
    _steps(canvas, snapshot, squares)
    _draw_squares(canvas, squares)
    buffer = io.BytesIO()
    figure.savefig(
        buffer, format="png", dpi=DPI, metadata={"Software": None}, pil_kwargs={"compress_level": 3}
    )
    return buffer.getvalue()


def _text(
    canvas: Axes,
    x: float,
    y: float,
    text: str,
    *,
    size: float = 10,
    colour: str = MUTED,
    align: str = "left",
    **more: Any,
) -> None:
    canvas.text(x, y, text, fontsize=size, color=colour, ha=align, va="center", **more)


def _draw_squares(canvas: Axes, squares: list[Square]) -> None:
    """Rectangles (x, y, width, height, fill) as one collection: one artist, not one each."""
    from matplotlib.collections import PatchCollection
    from matplotlib.patches import Rectangle

    canvas.add_collection(
        PatchCollection(
            [Rectangle((x, y), w, h) for x, y, w, h, _ in squares],
            facecolors=[fill for *_, fill in squares],
            edgecolors="none",
        ),
        autolim=False,
    )


def _short_day(day: date, lang: str | None) -> str:
    return str(format_skeleton("MMMd", day, locale=language_for(lang)))


# Panels: (left, top) of each; titles sit 22 px above the panel.
_MOOD_BOX = (60.0, 108.0, 350.0, 180.0)  # left, top, width, height
_CALENDAR = (450.0, 108.0)
_CELL = 44.0
_EMPLOYERS = (40.0, 425.0, 330.0)  # left, top, width
_STEPS = (450.0, 410.0)
_STEP_CELL = 62.0


def _mood(canvas: Axes, snapshot: ProgressSnapshot) -> None:
    lang = snapshot.language
    left, top, width, height = _MOOD_BOX
    _text(canvas, 24, top - 28, say("picture.mood", lang), size=12, colour=INK)
    if not snapshot.moods:
        _text(
            canvas,
            left + width / 2,
            top + height / 2,
            say("picture.mood_empty", lang),
            size=11,
            align="center",
        )
        return

    def y_of(mood: float) -> float:
        return top + height - (mood - MOOD_LOWEST + 0.5) * height / (MOOD_HIGHEST - MOOD_LOWEST + 1)

    for mood in range(MOOD_LOWEST, MOOD_HIGHEST + 1):
        canvas.plot([left, left + width], [y_of(mood)] * 2, color=EMPTY_COLOUR, linewidth=1)
        _text(canvas, left - 14, y_of(mood), str(mood), size=9, align="right")
    values = [value for _, value in snapshot.moods]
    step = width / max(len(values), 2)
    xs = [left + step * (index + 0.5) for index in range(len(values))]
    canvas.plot(
        xs, [y_of(v) for v in values], color=MOOD_COLOUR, linewidth=2.5, marker="o", markersize=7
    )
    every = max(1, (len(values) + 3) // 4)  # at most four dates: "29 de nov." is wide
    for index in range(0, len(values), every):
        day = _short_day(snapshot.moods[index][0], lang)
        _text(canvas, xs[index], top + height + 16, day, size=9, align="center")


def _walks(canvas: Axes, snapshot: ProgressSnapshot, squares: list[Square]) -> None:
    lang = snapshot.language
    left, top = _CALENDAR
    _text(canvas, left, top - 28, say("picture.walks", lang), size=12, colour=INK)
    names = get_day_names("narrow", locale=language_for(lang))
    for column in range(7):
        _text(
            canvas,
            left + _CELL * (column + 0.5),
            top - 4,
            str(names[column]),
            size=9,
            align="center",
        )
    start = snapshot.calendar_start
    for week in range(CALENDAR_WEEKS):
        for column in range(7):
            day = start + timedelta(days=7 * week + column)
            x, y = left + _CELL * column, top + 10 + _CELL * week
            if day == snapshot.today:  # today: a dark frame
                squares.append((x + 1, y + 1, _CELL - 2, _CELL - 2, INK))
            if day in snapshot.walked:
                colour = WALKED_COLOUR
            elif day in snapshot.skipped:
                colour = SKIPPED_COLOUR
            elif day > snapshot.today:
                colour = "#f7f8fa"
            else:
                colour = EMPTY_COLOUR
            squares.append((x + 4, y + 4, _CELL - 8, _CELL - 8, colour))
    legend_y = top + 10 + _CELL * CALENDAR_WEEKS + 18
    for offset, (colour, key) in enumerate(
        ((WALKED_COLOUR, "picture.walked"), (SKIPPED_COLOUR, "picture.skipped"))
    ):
        x = left + 4 + 150 * offset
        squares.append((x, legend_y - 7, 14, 14, colour))
        _text(canvas, x + 22, legend_y, say(key, lang), size=10)


def _employers(canvas: Axes, snapshot: ProgressSnapshot, squares: list[Square]) -> None:
    lang = snapshot.language
    left, top, width = _EMPLOYERS
    _text(canvas, 24, top - 43, say("picture.employers", lang), size=12, colour=INK)
    total = snapshot.employers
    limit = max(TARGET_EMPLOYERS + 1, total + 1)
    unit = width / limit
    squares.append((left, top, width, 40, "#f7f8fa"))
    x = left
    for count, colour in zip(snapshot.stages, STAGE_COLOURS, strict=True):
        if count:
            squares.append((x, top, unit * count - 2, 40, colour))
            _text(
                canvas,
                x + unit * count / 2,
                top + 20,
                str(count),
                size=11,
                colour="white",
                align="center",
            )
            x += unit * count
    target = left + unit * TARGET_EMPLOYERS
    canvas.plot(
        [target, target], [top - 14, top + 54], color=TARGET_COLOUR, linestyle="--", linewidth=2
    )
    _text(
        canvas,
        target,
        top - 24,
        say("picture.target", lang),
        size=10,
        colour=TARGET_COLOUR,
        align="center",
    )
    if not total:
        _text(canvas, left + 12, top + 20, say("picture.employers_empty", lang), size=11)
        return
    shown = [
        (stage, count, colour)
        for stage, count, colour in zip(STAGES, snapshot.stages, STAGE_COLOURS, strict=True)
        if count
    ]
    labels = [f"{say(f'stage.{stage}', lang)} ({count})" for stage, count, _ in shown]
    # Two columns when every label fits in one (French and German stage names run long).
    columns = 2 if all(len(label) <= 20 for label in labels) else 1
    for index, ((_stage, _count, colour), label) in enumerate(zip(shown, labels, strict=True)):
        row, column = divmod(index, columns)
        x, y = left + 170 * column, top + 66 + 22 * row
        squares.append((x, y - 7, 14, 14, colour))
        _text(canvas, x + 22, y, label, size=10)


def _steps(canvas: Axes, snapshot: ProgressSnapshot, squares: list[Square]) -> None:
    lang = snapshot.language
    left, top = _STEPS
    _text(canvas, left, top - 28, say("picture.steps", lang), size=12, colour=INK)
    for index, state in enumerate(snapshot.steps[:STEPS]):
        row, column = divmod(index, 5)
        colour = STEP_COLOURS.get(state, EMPTY_COLOUR)
        x, y = left + _STEP_CELL * column, top + _STEP_CELL * row
        squares.append((x + 4, y + 4, _STEP_CELL - 8, _STEP_CELL - 8, colour))
        _text(
            canvas,
            x + _STEP_CELL / 2,
            y + _STEP_CELL / 2,
            str(index + 1),
            size=14,
            colour=MUTED if colour == EMPTY_COLOUR else "white",
            align="center",
            fontweight="bold",
        )
    done = say("picture.steps_done", lang, done=snapshot.steps_done)
    _text(
        canvas,
        left + _STEP_CELL * 2.5,
        top + _STEP_CELL * 2 + 22,
        done,
        size=11,
        colour=INK,
        align="center",
    )
