"""A face for every persona: a small generated SVG avatar, coloured by target group.

No external image is used: the SVG is text, embedded in the report. The same persona
always gets the same avatar.

Example
-------
>>> svg = avatar_svg("Samira", 38, "mantelzorgers met een migratieachtergrond")
>>> svg.startswith("<svg") and "Samira" in svg
True
"""

from __future__ import annotations

import hashlib
import html

#: Colour per target group of the chain approach (others get one from the spare palette).
GROUP_COLOURS = {
    "werkende mantelzorgers": "#0072B2",
    "mantelzorgers met een migratieachtergrond": "#D55E00",
    "jonge mantelzorgers": "#009E73",
    "mantelzorgers van iemand met psychische problemen": "#CC79A7",
    "oudere mantelzorgers": "#E69F00",
}
SPARE_COLOURS = ["#56B4E9", "#8c564b", "#9467bd", "#17becf", "#bcbd22"]
SKIN = ["#f1c27d", "#e0ac69", "#c68642", "#8d5524", "#ffdbac"]
HAIR = ["#2b1d0e", "#4b3621", "#8b5a2b", "#d6b370", "#1c1c1c"]


def _digest(text: str) -> int:
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest(), 16)


def group_colour(group: str) -> str:
    """The fixed colour of a target group."""
    return GROUP_COLOURS.get(group) or SPARE_COLOURS[_digest(group) % len(SPARE_COLOURS)]


def tint(colour: str, share: float) -> str:
    """Mix a hex colour with white (share 0 = colour, 1 = white)."""
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    mix = [round(c + (255 - c) * share) for c in (red, green, blue)]
    return "#" + "".join(f"{c:02x}" for c in mix)


def avatar_svg(name: str, age: int, group: str, size: int = 96) -> str:
    """An SVG avatar: head and shoulders on a background in the target group's colour."""
    digest = _digest(name)
    colour = group_colour(group)
    skin = SKIN[digest % len(SKIN)]
    hair = "#b9b9b9" if age >= 60 else HAIR[(digest // 7) % len(HAIR)]
    long_hair = (digest // 11) % 2 == 1
    scale = 0.86 if age < 18 else 1.0
    head_r = 17 * scale
    head_y = 40 + (1 - scale) * 20
    hair_shape = (f'<path d="M{50 - head_r - 3},{head_y + 4} Q50,{head_y - head_r - 14} {50 + head_r + 3},{head_y + 4} '
                  f'L{50 + head_r + 3},{head_y + 26} L{50 + head_r - 3},{head_y + 26} L{50 + head_r - 3},{head_y} '
                  f'Q50,{head_y - 8} {50 - head_r + 3},{head_y} L{50 - head_r + 3},{head_y + 26} '
                  f'L{50 - head_r - 3},{head_y + 26} Z" fill="{hair}"/>' if long_hair else
                  f'<path d="M{50 - head_r},{head_y - 2} Q50,{head_y - head_r - 12} {50 + head_r},{head_y - 2} '
                  f'Q50,{head_y - head_r + 2} {50 - head_r},{head_y - 2} Z" fill="{hair}"/>')
    label = html.escape(f"Avatar van {name}, {age} jaar, {group}")
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" viewBox="0 0 100 100" '
        f'role="img" aria-label="{label}"><title>{label}</title>'
        f'<rect x="0" y="0" width="100" height="100" rx="18" fill="{tint(colour, 0.75)}"/>'
        f'<path d="M{50 - 34 * scale},100 Q{50 - 32 * scale},{head_y + 26} 50,{head_y + 24} '
        f'Q{50 + 32 * scale},{head_y + 26} {50 + 34 * scale},100 Z" fill="{colour}"/>'
        f'<circle cx="50" cy="{head_y}" r="{head_r}" fill="{skin}"/>'
        f"{hair_shape}"
        f'<circle cx="{50 - head_r * 0.38}" cy="{head_y + 1}" r="1.8" fill="#333"/>'
        f'<circle cx="{50 + head_r * 0.38}" cy="{head_y + 1}" r="1.8" fill="#333"/>'
        f'<path d="M{50 - 5},{head_y + 8} Q50,{head_y + 11} {50 + 5},{head_y + 8}" stroke="#333" '
        f'stroke-width="1.4" fill="none" stroke-linecap="round"/>'
        f"</svg>"
    )
