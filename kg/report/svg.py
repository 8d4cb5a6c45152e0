"""SVG pieces shared by the map and the network: labels the browser shapes, label boxes.

Labels are SVG <text> elements rather than pixels so that the browser shapes and orders
Arabic (matplotlib draws it letter by letter, unjoined and left to right).
"""
from __future__ import annotations

from html import escape

from kg.documents import has_arabic


def is_arabic(value: object) -> bool:
    return isinstance(value, str) and has_arabic(value)


def lang_attrs(value: object) -> str:
    """HTML attributes that set Arabic right to left; empty for other text."""
    return ' lang="ar" dir="rtl"' if is_arabic(value) else ""


def text(x: float, y: float, label: str, *, size: float = 12, anchor: str = "middle",
         css_class: str = "label") -> str:
    """A label; ``anchor`` is "start" (label to the right of x), "middle" or "end" (to the left).

    Arabic labels get direction="rtl", under which SVG's start/end swap sides, so the
    anchor is swapped back to keep "start" meaning "right of x" for every label.
    """
    rtl = is_arabic(label)
    if rtl:
        anchor = {"start": "end", "end": "start"}.get(anchor, anchor)
    attrs = ' lang="ar" direction="rtl"' if rtl else ""
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
            f'class="{css_class}"{attrs}>{escape(label)}</text>')


def label_width(label: str, size: float) -> float:
    """A rough width in pixels, for keeping labels apart (no font metrics here)."""
    return 0.55 * size * len(label)


Box = tuple[float, float, float, float]  # left, top, right, bottom


def overlaps(box: Box, boxes: list[Box]) -> bool:
    x0, y0, x1, y1 = box
    return any(x0 < b[2] and b[0] < x1 and y0 < b[3] and b[1] < y1 for b in boxes)
