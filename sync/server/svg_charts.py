"""Charts drawn on the server as inline SVG: no script, no stylesheet, no fetch.

The dashboard must work on a server with no Internet, in any browser, and
under a Content-Security-Policy that allows nothing external; so each chart
is a small ``<svg>`` element written here, its text escaped, its sizes in
plain numbers. Three shapes: progress bars (recorded of target, per area),
horizontal bars (a count per device) and columns (a count per day).
"""

from __future__ import annotations

from html import escape

GREEN, GREY, BLUE, TEXT = "#2e7d32", "#e0e0e0", "#1565c0", "#212121"
_FONT = 'font-family="sans-serif" font-size="12"'


def _svg(width: int, height: int, title: str, body: list[str]) -> str:
    t = escape(title)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="grafik" role="img" aria-label="{t}" '
            f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">'
            f"<title>{t}</title>{''.join(body)}</svg>")


def _fit(label: str, chars: int) -> str:
    return label if len(label) <= chars else label[: chars - 1] + "…"


def number(n: int) -> str:
    """12.345 (the Indonesian thousands point)."""
    return f"{n:,}".replace(",", ".")


def percent_text(done: int, total: int) -> str:
    """'82,3%' (the Indonesian decimal comma); '-' without a target."""
    return f"{100 * done / total:.1f}%".replace(".", ",") if total else "-"


def progress_bars(title: str, rows: list[tuple[str, int, int]], *, width: int = 760) -> str:
    """One bar per row (label, recorded, target): grey for the target, green for
    the part recorded, the figures beside it."""
    label_w, figure_w, row_h = 230, 170, 22
    bar_w = width - label_w - figure_w
    height = max(1, len(rows)) * row_h + 8
    body = []
    for i, (label, done, total) in enumerate(rows):
        y = 4 + i * row_h
        share = min(1.0, done / total) if total else 0.0
        body.append(f'<text x="0" y="{y + 15}" {_FONT} fill="{TEXT}">{escape(_fit(label, 34))}</text>')
        body.append(f'<rect x="{label_w}" y="{y + 3}" width="{bar_w}" height="{row_h - 6}" fill="{GREY}"/>')
        body.append(f'<rect class="isi" x="{label_w}" y="{y + 3}" width="{bar_w * share:.1f}" '
                    f'height="{row_h - 6}" fill="{GREEN}"/>')
        body.append(f'<text x="{label_w + bar_w + 8}" y="{y + 15}" {_FONT} fill="{TEXT}">'
                    f"{number(done)}/{number(total)} ({percent_text(done, total)})</text>")
    if not rows:
        body.append(f'<text x="0" y="16" {_FONT} fill="{TEXT}">Belum ada data.</text>')
    return _svg(width, height, title, body)


def bars(title: str, rows: list[tuple[str, int]], *, width: int = 760) -> str:
    """One horizontal bar per row (label, count), scaled to the largest."""
    label_w, figure_w, row_h = 230, 80, 22
    bar_w = width - label_w - figure_w
    top = max([n for _, n in rows] + [1])
    height = max(1, len(rows)) * row_h + 8
    body = []
    for i, (label, n) in enumerate(rows):
        y = 4 + i * row_h
        body.append(f'<text x="0" y="{y + 15}" {_FONT} fill="{TEXT}">{escape(_fit(label, 34))}</text>')
        body.append(f'<rect class="isi" x="{label_w}" y="{y + 3}" width="{bar_w * n / top:.1f}" '
                    f'height="{row_h - 6}" fill="{BLUE}"/>')
        body.append(f'<text x="{label_w + bar_w * n / top + 6:.1f}" y="{y + 15}" {_FONT} fill="{TEXT}">'
                    f"{number(n)}</text>")
    if not rows:
        body.append(f'<text x="0" y="16" {_FONT} fill="{TEXT}">Belum ada data.</text>')
    return _svg(width, height, title, body)


def columns(title: str, rows: list[tuple[str, int]], *, width: int = 760, height: int = 220) -> str:
    """One column per row (label, count), left to right (e.g. days), labels below
    (every few when crowded), the largest value marked on the axis."""
    left, bottom, top_pad = 40, 44, 16
    plot_w, plot_h = width - left - 8, height - bottom - top_pad
    top = max([n for _, n in rows] + [1])
    step = plot_w / max(1, len(rows))
    every = max(1, int(len(rows) / (plot_w / 48)) + 1) if rows else 1
    body = [f'<line x1="{left}" y1="{top_pad + plot_h}" x2="{width - 8}" y2="{top_pad + plot_h}" stroke="{TEXT}"/>',
            f'<text x="{left - 4}" y="{top_pad + 4}" {_FONT} text-anchor="end" fill="{TEXT}">{top}</text>',
            f'<text x="{left - 4}" y="{top_pad + plot_h}" {_FONT} text-anchor="end" fill="{TEXT}">0</text>']
    for i, (label, n) in enumerate(rows):
        h = plot_h * n / top
        x = left + i * step
        body.append(f'<rect class="isi" x="{x + step * 0.15:.1f}" y="{top_pad + plot_h - h:.1f}" '
                    f'width="{step * 0.7:.1f}" height="{h:.1f}" fill="{BLUE}"><title>{escape(label)}: {n}</title></rect>')
        if i % every == 0:
            body.append(f'<text x="{x + step / 2:.1f}" y="{top_pad + plot_h + 16}" {_FONT} text-anchor="middle" '
                        f'fill="{TEXT}">{escape(_fit(label, 10))}</text>')
    if not rows:
        body.append(f'<text x="{left + 8}" y="{top_pad + plot_h / 2}" {_FONT} fill="{TEXT}">Belum ada data.</text>')
    return _svg(width, height, title, body)
