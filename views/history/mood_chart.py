"""A line of daily average mood, with a spoken summary since a chart is only pixels to a screen reader."""

from datetime import date

import flet as ft
import flet_charts as fch

from storage.checkins.model import Mood
from storage.checkins.trends import chart_segments
from views.kit.moods import MOOD_COLORS

SPANS = (7, 30, 90, 365)


def chart_summary(series: list[tuple[date, float | None]]) -> str:
    known = [value for _, value in series if value is not None]
    if not known:
        return f"No check-ins in the last {len(series)} days."
    return (f"Mood over the last {len(series)} days: {len(known)} days with check-ins, "
            f"average {sum(known) / len(known):.1f} of 5.")


def mood_chart(series: list[tuple[date, float | None]]) -> ft.Control:
    # One straight, unsmoothed line per run of days with check-ins: a day without one is a gap, not a bridge.
    lines = [
        fch.LineChartData(
            points=[fch.LineChartDataPoint(x=i, y=round(value, 2), tooltip=f"{series[i][0]:%d %b}: {value:.1f}",
                                           point=True) for i, value in run],
            color=MOOD_COLORS[Mood.GOOD], stroke_width=3, curved=False)
        for run in chart_segments(series)
    ]
    chart = fch.LineChart(
        data_series=lines,
        min_x=0, max_x=max(len(series) - 1, 1), min_y=1, max_y=5,
        left_axis=fch.ChartAxis(
            labels=[fch.ChartAxisLabel(value=int(m), label=ft.Text(m.word, size=11, no_wrap=True)) for m in Mood],
            label_size=80,  # room for the words at 200 % text
        ),
        bottom_axis=fch.ChartAxis(
            labels=[fch.ChartAxisLabel(value=i, label=ft.Text(f"{series[i][0]:%d %b}", size=11, no_wrap=True))
                    for i in (0, len(series) - 1)],
            label_size=24,
        ),
        horizontal_grid_lines=fch.ChartGridLines(interval=1, color=ft.Colors.OUTLINE_VARIANT, width=1),
        height=200,
        expand=True,
    )
    framed = ft.Container(chart, padding=ft.Padding.only(right=40))  # the last date is centred on the edge
    return ft.Semantics(label=chart_summary(series), container=True, exclude_semantics=True, content=framed)
