"""SVG pieces shared by the map and the network: labels the browser shapes, label boxes.

Labels are SVG <text> elements rather than pixels so that the browser shapes and orders
Arabic (matplotlib draws it letter by letter, unjoined and left to right).
"""
from __future__ import annotations

import math
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


# Em widths in DejaVu Sans (the page's first font; CI installs it), rounded up. An Arabic
# letter is narrow when it joins the next one (initial and medial forms) and wide where a
# word part ends (final and isolated forms carry the tails): per letter (joined, ending).
_DUAL_JOINING = {
    "بتث": (0.31, 0.99), "ن": (0.31, 0.77), "يىئ": (0.31, 0.84), "جحخ": (0.65, 0.65),
    "سش": (0.90, 1.28), "صض": (0.87, 1.23), "طظ": (0.82, 0.95), "عغ": (0.60, 0.60),
    "ف": (0.51, 1.04), "ق": (0.51, 0.84), "ك": (0.56, 0.85), "ل": (0.34, 0.76),
    "م": (0.58, 0.67), "ه": (0.53, 0.54), "ـ": (0.30, 0.30),
}
# Letters that never join the next one, and the rest: hamza, Latin letters by width, digits.
_RIGHT_JOINING = {"اأإآٱ": 0.31, "دذ": 0.53, "رز": 0.56, "وؤ": 0.52, "ة": 0.54}
_OTHER = {"ء": 0.47, "ijlfrtI.,:;'|!()[]- /": 0.42, "mwMW@%&#": 1.0,
          "abcdeghknopqsuvxyz0123456789٠١٢٣٤٥٦٧٨٩": 0.65}
_JOINED = {c: w for letters, (w, _) in _DUAL_JOINING.items() for c in letters}
_ENDING = {c: w for letters, (_, w) in _DUAL_JOINING.items() for c in letters}
_ENDING |= {c: w for table in (_RIGHT_JOINING, _OTHER) for letters, w in table.items() for c in letters}
_JOINS_ON = set(_JOINED) | {c for letters in _RIGHT_JOINING for c in letters}  # what a letter before joins
_DEFAULT = 0.8  # capitals and what the tables lack (a wide guess)
_MARKS = range(0x064B, 0x0660)  # harakat: no width of their own
ASCENT, DESCENT = 1.12, 0.35  # of the font size; Chromium's boxes in DejaVu Sans reach 1.08 and 0.31
MARGIN = 1.5  # pixels: the most the estimate may miss by, and air between labels


def label_width(label: str, size: float) -> float:
    """The label's width in pixels, from per-letter widths: a little more than Chromium draws.

    Chromium's widths of 1,500 Arabic and 1,500 Latin names of the registry came within
    10% of this sum (less under kerning and the lam-alef ligature), so it adds 12%.
    """
    em = 0.0
    for i, c in enumerate(label):
        if ord(c) in _MARKS:
            continue
        joins_next = c in _JOINED and i + 1 < len(label) and label[i + 1] in _JOINS_ON
        em += _JOINED[c] if joins_next else _ENDING.get(c, _DEFAULT)
    return 1.12 * em * size


Box = tuple[float, float, float, float]  # left, top, right, bottom


def label_box(x: float, y: float, label: str, size: float, anchor: str) -> Box:
    """The box that ``text(x, y, label, size=size, anchor=anchor)`` stays inside, with a margin."""
    w = label_width(label, size)
    left = {"start": x, "end": x - w, "middle": x - w / 2}[anchor]
    return left - MARGIN, y - ASCENT * size - MARGIN, left + w + MARGIN, y + DESCENT * size + MARGIN


def overlaps(box: Box, boxes: list[Box]) -> bool:
    x0, y0, x1, y1 = box
    return any(x0 < b[2] and b[0] < x1 and y0 < b[3] and b[1] < y1 for b in boxes)


Circle = tuple[float, float, float]  # centre x, y and radius


def distance(box: Box, x: float, y: float) -> float:
    """From the point to the nearest point of the box (0 inside it)."""
    return math.hypot(min(max(x, box[0]), box[2]) - x, min(max(y, box[1]), box[3]) - y)


def covers(box: Box, circles: list[Circle]) -> bool:
    """Whether the box covers part of any circle."""
    return any(distance(box, cx, cy) < r for cx, cy, r in circles)


# Where a label may go around its point, as (horizontal, vertical) directions from it; each
# figure tries them in its own order, close to the point first, then further out.
DIRECTIONS = {"right": (1, 0), "left": (-1, 0), "above": (0, -1), "below": (0, 1),
              "above right": (1, -1), "below right": (1, 1), "above left": (-1, -1), "below left": (-1, 1)}
GAPS = (3, 9, 16)  # pixels between the circle and the label's box


def place_label(x: float, y: float, r: float, label: str, size: float, *, taken: list[Box],
                circles: list[Circle], view: Box, sides: tuple[str, ...] = tuple(DIRECTIONS)
                ) -> tuple[str, Box] | None:
    """The label of the point at x, y (radius r) in the first free spot: its <text> and its box.

    A spot is free when its box stays in ``view``, meets no box in ``taken``, covers no
    circle in ``circles`` and no other circle's centre is nearer to it than this point's (a
    label further out must not read as another point's). None when no spot is free: the
    caller leaves the label out.
    """
    w = label_width(label, size)
    up, down = ASCENT * size, DESCENT * size
    for gap in GAPS:
        for side in sides:
            hx, vy = DIRECTIONS[side]
            reach = (0.71 * r if hx and vy else r) + gap  # diagonals leave the circle at 45 degrees
            lx = x + hx * reach
            ly = y + {-1: -reach - down, 0: (up - down) / 2, 1: reach + up}[vy]  # beside: centred
            anchor = {1: "start", 0: "middle", -1: "end"}[hx]
            if anchor == "middle":  # slide a long label along, to stay in the picture
                lx = min(max(lx, view[0] + w / 2 + MARGIN), view[2] - w / 2 - MARGIN)
            box = label_box(lx, ly, label, size, anchor)
            inside = view[0] <= box[0] and view[1] <= box[1] and box[2] <= view[2] and box[3] <= view[3]
            if not inside or overlaps(box, taken) or covers(box, circles):
                continue
            own = distance(box, x, y) - 3  # points as near as their own, to 3 pixels, are fine
            if all(distance(box, cx, cy) >= own for cx, cy, _ in circles):
                return text(lx, ly, label, size=size, anchor=anchor), box
    return None
