"""Charts: inline SVG line charts of a series with its target, required path and projection.

Drawn in Python so the report needs no script and no network. Colours come from CSS
classes (`report.css`), so they are defined, and contrast-checked, in one place. Every
text that reaches the SVG passes through `escape`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from lea_rules.nodes import Measure
from lea_rules.period import Period

WIDTH, HEIGHT = 560, 300
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 30, 84  # margins: room for tick labels and the legend


@dataclass(frozen=True)
class ChartPoint:
    t: float
    value: float
    label: str  # the value as shown: "83,7%"
    illustrative: bool = False
    series: str | None = None  # reeks: with `ChartSpec.series_break`, points of two series are not joined


@dataclass(frozen=True)
class ChartSpec:
    chart_id: str  # unique in the page: used for aria-labelledby
    title: str
    summary: str  # the text alternative: the same facts as the chart, in words
    points: tuple[ChartPoint, ...]
    target: tuple[float, float] | None = None  # (t, value)
    target_label: str | None = None
    baseline: tuple[float, float] | None = None
    projection: tuple[float, float, float, float] | None = None  # from (t, y) to (t, y)
    low: float | None = None  # natural bounds of the indicator
    high: float | None = None
    school_years: bool = False  # label the time axis 2024/25
    axis_unit: str = ""  # shown above the value axis when the ticks carry no unit ("uur per week")
    whole: bool = False  # whole counts: ticks never fall between two whole numbers
    series_break: bool = False  # the verdict found a break: the line stops there, marked "trendbreuk"
    # a `basis:` without a date: drawn just before the period, at this time, under this tick label
    # ("vóór de start") instead of a year the document never gave
    undated: tuple[float, str] | None = None


@dataclass(frozen=True)
class Legend:
    obs: str
    obs_illustrative: str
    target: str
    path: str
    projection: str
    illustrative_short: str
    series_break: str = "trendbreuk"


def nice_step(span: float, ticks: int = 5) -> float:
    """A step of 1, 2 or 5 times a power of ten that gives about `ticks` gridlines."""
    if span <= 0:
        return 1.0
    raw = span / ticks
    power = 10 ** math.floor(math.log10(raw))
    for mult in (1, 2, 5, 10):
        if raw <= mult * power:
            return float(mult * power)
    return float(10 * power)


def value_range(spec: ChartSpec) -> tuple[float, float, float]:
    """Lower end, upper end and tick step of the value axis, within the indicator's bounds."""
    values = [p.value for p in spec.points]
    if spec.target:
        values.append(spec.target[1])
    if spec.baseline:
        values.append(spec.baseline[1])
    if spec.projection:
        values.append(spec.projection[3])
    lo, hi = min(values), max(values)
    if hi - lo < 1e-9:
        pad = abs(hi) * 0.1 or 1.0
        lo, hi = lo - pad, hi + pad
    step = nice_step(hi - lo)
    if spec.whole:
        step = max(step, 1.0)
    lo = math.floor(lo / step) * step
    hi = math.ceil(hi / step) * step
    if spec.low is not None:
        lo = max(lo, spec.low)
    if spec.high is not None:
        hi = min(hi, spec.high)
    if hi <= lo:
        hi = lo + step
    return lo, hi, step


def time_range(spec: ChartSpec) -> tuple[float, float]:
    times = [p.t for p in spec.points]
    for pair in (spec.target, spec.baseline):
        if pair:
            times.append(pair[0])
    if spec.projection:
        times.extend((spec.projection[0], spec.projection[2]))
    return math.floor(min(times)) - 0.4, math.floor(max(times)) + 0.6


def breaks(points: Sequence[ChartPoint]) -> list[int]:
    """The index of every point that starts a new series: its reeks differs from the last one stated
    before it. An empty reeks continues the series, as in `evaluation.series.has_break`."""
    out: list[int] = []
    current: str | None = None
    for index, point in enumerate(points):
        if point.series is None:
            continue
        if current is not None and point.series != current:
            out.append(index)
        current = point.series
    return out


def _f(x: float) -> str:
    return f"{x:.1f}"


def line_chart(spec: ChartSpec, legend: Legend, tick_label: Callable[[float], str]) -> Markup:
    """The SVG for one goal. `tick_label` formats a value-axis tick in the report's language."""
    if not spec.points and spec.target is None:
        return Markup("")
    t0, t1 = time_range(spec) if (spec.points or spec.target) else (0.0, 1.0)
    lo, hi, step = value_range(spec)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(t: float) -> float:
        return LEFT + (t - t0) / (t1 - t0) * plot_w

    def y(v: float) -> float:
        v = min(max(v, lo), hi)
        return TOP + (hi - v) / (hi - lo) * plot_h

    cid = escape(spec.chart_id)
    out: list[str] = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{cid}-title {cid}-desc" xmlns="http://www.w3.org/2000/svg" '
        f'preserveAspectRatio="xMidYMid meet">',
        f'<title id="{cid}-title">{escape(spec.title)}</title>',
        f'<desc id="{cid}-desc">{escape(spec.summary)}</desc>',
    ]
    # value axis: gridlines and labels
    if spec.axis_unit:
        out.append(f'<text class="tick" x="{LEFT - 6}" y="{TOP - 14}" text-anchor="start">'
                   f"{escape(spec.axis_unit)}</text>")
    tick = lo
    count = 0
    previous = None
    while tick <= hi + step * 1e-6 and count < 20:
        ty = y(tick)
        out.append(f'<line class="grid" x1="{LEFT}" y1="{_f(ty)}" x2="{WIDTH - RIGHT}" y2="{_f(ty)}"/>')
        label = tick_label(tick)
        if label != previous:  # a label that rounds to its neighbour would mislead the reader
            out.append(f'<text class="tick" x="{LEFT - 6}" y="{_f(ty + 4)}" text-anchor="end">'
                       f"{escape(label)}</text>")
        previous = label
        tick += step
        count += 1
    # time axis: one tick per year
    base = TOP + plot_h
    out.append(f'<line class="axis" x1="{LEFT}" y1="{base}" x2="{WIDTH - RIGHT}" y2="{base}"/>')
    for year in range(math.ceil(t0), math.floor(t1) + 1):
        tx = x(year)
        label = _year_label(spec, year)
        out.append(f'<line class="axis" x1="{_f(tx)}" y1="{TOP + plot_h}" x2="{_f(tx)}" '
                   f'y2="{TOP + plot_h + 4}"/>')
        out.append(f'<text class="tick" x="{_f(tx)}" y="{TOP + plot_h + 17}" text-anchor="middle">'
                   f"{escape(label)}</text>")
    # target: a dashed level line and a diamond at the target moment
    if spec.target:
        tt, tv = spec.target
        out.append(f'<line class="target-line" x1="{LEFT}" y1="{_f(y(tv))}" x2="{WIDTH - RIGHT}" '
                   f'y2="{_f(y(tv))}"/>')
        cx, cy = x(tt), y(tv)
        out.append(f'<path class="target-mark" d="M{_f(cx)} {_f(cy - 7)} L{_f(cx + 7)} {_f(cy)} '
                   f'L{_f(cx)} {_f(cy + 7)} L{_f(cx - 7)} {_f(cy)} Z"/>')
        if spec.target_label:
            left = _clearance(spec, tv, t0, t0 + (t1 - t0) * 0.3)
            right = _clearance(spec, tv, t1 - (t1 - t0) * 0.3, t1)
            side_x, anchor = (LEFT + 4, "start") if left >= right else (WIDTH - RIGHT - 4, "end")
            above = y(tv) - 6
            anchor_y = above if above > TOP + 4 else y(tv) + 16
            out.append(f'<text class="label target-text" x="{side_x}" y="{_f(anchor_y)}" '
                       f'text-anchor="{anchor}">{escape(spec.target_label)}</text>')
        # required path from the baseline to the target
        if spec.baseline:
            bt, bv = spec.baseline
            out.append(f'<line class="path-line" x1="{_f(x(bt))}" y1="{_f(y(bv))}" x2="{_f(cx)}" '
                       f'y2="{_f(cy)}"/>')
    # projection: dashed from the latest value to the target moment
    if spec.projection:
        pt0, pv0, pt1, pv1 = spec.projection
        out.append(f'<line class="projection-line" x1="{_f(x(pt0))}" y1="{_f(y(pv0))}" '
                   f'x2="{_f(x(pt1))}" y2="{_f(y(pv1))}"/>')
        out.append(f'<rect class="projection-mark" x="{_f(x(pt1) - 4)}" y="{_f(y(pv1) - 4)}" '
                   f'width="8" height="8"/>')
    # observations: one line per series; a break is a dashed vertical line with its name, so it
    # reads without colour
    points = sorted(spec.points, key=lambda p: p.t)
    cuts = breaks(points) if spec.series_break else []
    for start, end in zip([0, *cuts], [*cuts, len(points)], strict=True):
        if end - start > 1:
            coords = " ".join(f"{_f(x(p.t))},{_f(y(p.value))}" for p in points[start:end])
            out.append(f'<polyline class="obs-line" points="{coords}"/>')
    for cut in cuts:
        bx = (x(points[cut - 1].t) + x(points[cut].t)) / 2
        out.append(f'<line class="break-line" x1="{_f(bx)}" y1="{TOP}" x2="{_f(bx)}" y2="{TOP + plot_h}"/>')
        out.append(f'<text class="label break-text" x="{_f(bx + 5)}" y="{TOP + plot_h - 8}" '
                   f'text-anchor="start">{escape(legend.series_break)}</text>')
    for p in points:
        cls = "obs-point illustrative" if p.illustrative else "obs-point"
        out.append(f'<circle class="{cls}" cx="{_f(x(p.t))}" cy="{_f(y(p.value))}" r="5"/>')
        label = f"{p.label} ({legend.illustrative_short})" if p.illustrative else p.label
        ly = y(p.value) - 10 if y(p.value) - 10 > TOP + 6 else y(p.value) + 20
        out.append(f'<text class="label" x="{_f(x(p.t))}" y="{_f(ly)}" text-anchor="middle">'
                   f"{escape(label)}</text>")
    out.extend(_legend(spec, legend, points))
    out.append("</svg>")
    return Markup("\n".join(out))


def _year_label(spec: ChartSpec, year: int) -> str:
    """The time-axis label of `year`; the tick of an undated nulmeting says so, unless a dated figure
    is drawn at that year too."""
    if spec.undated is not None:
        at, words = spec.undated
        if round(at) == year and not any(abs(p.t - year) < 0.25 for p in spec.points if p.t != at):
            return words
    return Period(Measure.SCHOOL_YEAR, year).short_text if spec.school_years else str(year)


def _clearance(spec: ChartSpec, level: float, t_from: float, t_to: float) -> float:
    """How far (in value units) the nearest drawn point in [t_from, t_to] is from `level`:
    the target label goes to the side where it covers nothing."""
    values = [p.value for p in spec.points if t_from <= p.t <= t_to]
    if spec.projection and t_from <= spec.projection[2] <= t_to:
        values.append(spec.projection[3])
    return min((abs(v - level) for v in values), default=math.inf)


def _legend(spec: ChartSpec, legend: Legend, points: Sequence[ChartPoint]) -> list[str]:
    items: list[tuple[str, str]] = []
    if any(not p.illustrative for p in points):
        items.append(("obs", legend.obs))
    if any(p.illustrative for p in points):
        items.append(("obs-ill", legend.obs_illustrative))
    if spec.target:
        items.append(("target", legend.target))
        if spec.baseline:
            items.append(("path", legend.path))
    if spec.projection:
        items.append(("projection", legend.projection))
    out: list[str] = []
    row_y = HEIGHT - 38
    col_x = float(LEFT)
    for kind, words in items:
        width = 34 + 6.2 * len(words)
        if col_x + width > WIDTH - RIGHT:
            row_y += 18
            col_x = float(LEFT)
        sx, sy = col_x, row_y
        if kind in ("obs", "obs-ill"):
            cls = "obs-point illustrative" if kind == "obs-ill" else "obs-point"
            out.append(f'<circle class="{cls}" cx="{_f(sx + 10)}" cy="{_f(sy - 4)}" r="5"/>')
        elif kind == "target":
            out.append(f'<path class="target-mark" d="M{_f(sx + 10)} {_f(sy - 11)} L{_f(sx + 17)} '
                       f'{_f(sy - 4)} L{_f(sx + 10)} {_f(sy + 3)} L{_f(sx + 3)} {_f(sy - 4)} Z"/>')
        else:
            cls = "path-line" if kind == "path" else "projection-line"
            out.append(f'<line class="{cls}" x1="{_f(sx)}" y1="{_f(sy - 4)}" x2="{_f(sx + 22)}" '
                       f'y2="{_f(sy - 4)}"/>')
        out.append(f'<text class="legend" x="{_f(sx + 28)}" y="{_f(sy)}">{escape(words)}</text>')
        col_x += width + 14
    return out
