"""Charts drawn on the server with pygal (SVG), served as images (<img src=".../grafik/<table>.svg">): no
JavaScript runs, the page stays small on a phone (each chart is its own cached request), and the table beside
each chart carries the numbers for screen readers (the image's alt text points to it)."""

import re

import pygal
from pygal.style import Style

from jaring.insights.figures import Table

# pygal writes its settings as a <script> for its optional tooltips; an <img> never runs it, a PDF cannot.
_SCRIPT = re.compile(rb"<script.*?</script>|<!--.*?-->", re.S)

STYLE = Style(
    background="white",
    plot_background="white",
    foreground="#1f2933",
    foreground_strong="#1f2933",
    foreground_subtle="#6b7280",
    colors=("#0f5b8a", "#b45309", "#047857", "#7c3aed", "#be123c", "#4b5563"),
    font_family="DejaVu Sans, Arial, sans-serif",
    label_font_size=14,
    major_label_font_size=14,
    value_font_size=13,
    title_font_size=16,
)


def bar_svg(table: Table, *, horizontal: bool = True) -> bytes:
    """A bar chart of one table, sized to stay legible when a phone scales it down to ~360 px."""
    kind = pygal.HorizontalBar if horizontal else pygal.Bar
    height = max(220, 60 + 36 * len(table.rows)) if horizontal else 320
    chart = kind(
        style=STYLE,
        width=640,
        height=height,
        show_legend=False,
        print_values=True,
        js=[],  # pygal links a script from its CDN by default: none here
        disable_xml_declaration=True,
        truncate_label=28,
        x_label_rotation=0 if horizontal else 45,
        margin=8,
    )
    chart.x_labels = [r.label for r in table.rows]
    chart.add("", [r.count for r in table.rows])
    return _SCRIPT.sub(b"", chart.render(is_unicode=True).encode("utf-8"))
