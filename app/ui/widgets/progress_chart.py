"""Laporan's chart (QtCharts): the first rows of the table, in the table's order, as horizontal bars.

A target table becomes percent bars (recorded here, by another team, still
open: each bar is one row's whole list); a work table stacked counts
(recordings, other visit outcomes). At most `MAX_BARS` rows: sort the table
(e.g. by Capaian) to choose which.
"""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalPercentBarSeries,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMargins, Qt
from PySide6.QtGui import QColor, QPainter

MAX_BARS = 15
LABEL_CHARS = 26
_TARGET_SETS = (("here", 2, "#1b7f3b"), ("elsewhere", 4, "#7cc48f"), ("open", 5, "#d0d4d9"))
_WORK_SETS = (("recorded", 1, "#1b7f3b"), ("visits", 4, "#e0a030"))
_NAMES = {
    "here": QT_TRANSLATE_NOOP("ProgressChart", "Direkam di sini"),
    "elsewhere": QT_TRANSLATE_NOOP("ProgressChart", "Direkam tim lain"),
    "open": QT_TRANSLATE_NOOP("ProgressChart", "Belum"),
    "recorded": QT_TRANSLATE_NOOP("ProgressChart", "Direkam"),
    "visits": QT_TRANSLATE_NOOP("ProgressChart", "Hasil kunjungan lain"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProgressChart", text)


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[:LABEL_CHARS - 1] + "…"


class ProgressChart(QChartView):
    """Bars for the rows of a `app.ui.pages.report_table.ReportTable` (given in the table's order)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumWidth(320)
        self.shown: list[tuple[str, list[float]]] = []  # (label, segment values), for tests and the PDF
        self.set_rows("target", [])

    def set_rows(self, kind: str, rows: list[list]) -> None:
        """`rows`: the table's rows ([label, numbers...]) in the order shown; the first `MAX_BARS` are drawn."""
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setMargins(QMargins(4, 4, 4, 4))
        shown = rows[:MAX_BARS][::-1]  # a horizontal chart draws its first category at the bottom
        specs = _TARGET_SETS if kind == "target" else _WORK_SETS
        series = QHorizontalPercentBarSeries() if kind == "target" else QHorizontalStackedBarSeries()
        for name, column, color in specs:
            bar_set = QBarSet(_tr(_NAMES[name]))
            bar_set.setColor(QColor(color))
            bar_set.setBorderColor(QColor(color))
            for row in shown:
                bar_set.append(float(row[column] or 0))
            series.append(bar_set)
        series.setBarWidth(0.7 if len(shown) >= 4 else 0.2 + 0.125 * len(shown))  # one bar is not a wall
        chart.addSeries(series)
        axis_y = QBarCategoryAxis()
        axis_y.append([_short(row[0]) for row in shown] or [""])
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        axis_x = QValueAxis()
        axis_x.setLabelFormat("%d%%" if kind == "target" else "%d")
        if kind == "target":
            axis_x.setRange(0, 100)
        else:
            top = max((float(row[1] or 0) + float(row[4] or 0) for row in shown), default=0)
            axis_x.setRange(0, max(1.0, top))
        axis_x.setTickCount(6)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()
        self.shown = [(row[0], [float(row[c] or 0) for _, c, _ in specs]) for row in shown[::-1]]
