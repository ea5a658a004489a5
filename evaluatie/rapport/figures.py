"""The look every figure shares: one colour per partner type and per level, the same in every report,
fonts, and compact reproducible PNG output. The drawings themselves are in :mod:`.maps` (the chain)
and :mod:`.charts` (everything else).

Example
-------
>>> node_colour("huisarts"), node_colour("poh-ggz"), node_colour(None)
('#0072B2', '#0072B2', '#BBBBBB')
"""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")  # figures are rendered to PNG; no screen is needed or used

import matplotlib.pyplot as plt  # noqa: E402
from PIL import Image  # noqa: E402

from ..invoer.vocabulary import PARTNER_TYPES  # noqa: E402

#: Partner types grouped into a handful of sectors; a map colours a partner by its sector and names
#: its type in the label, so no reader has to tell sixteen colours apart.
SECTORS: dict[str, tuple[str, ...]] = {
    "eerste lijn": ("huisarts", "poh-ggz", "wijkverpleging"),
    "ggz en ziekenhuis": ("ggz", "ziekenhuis"),
    "sociaal domein": ("sociaal wijkteam", "mantelzorgsteunpunt", "clientondersteuning", "welzijn"),
    "gemeente en ggd": ("gemeente", "ggd"),
    "werk en samenleving": ("werkgever", "migrantenorganisatie", "vrijwilligersorganisatie"),
    "overig": ("overig", "onbekend"),
}
#: One colour-blind-safe colour per sector (Okabe & Ito 2008), the same in every report.
SECTOR_COLOURS: dict[str, str] = {
    "eerste lijn": "#0072B2",
    "ggz en ziekenhuis": "#CC79A7",
    "sociaal domein": "#E69F00",
    "gemeente en ggd": "#009E73",
    "werk en samenleving": "#56B4E9",
    "overig": "#BBBBBB",
}
SECTOR_OF_TYPE: dict[str, str] = {kind: sector for sector, kinds in SECTORS.items() for kind in kinds}
assert set(PARTNER_TYPES) <= set(SECTOR_OF_TYPE)


def sector(kind: str | None) -> str:
    """The sector of a partner type (``overig`` for unknown types)."""
    return SECTOR_OF_TYPE.get(kind or "onbekend", "overig")


#: Line colour per cooperation level (light to dark).
LEVEL_COLOURS = {1: "#c6dbef", 2: "#6baed6", 3: "#2171b5", 4: "#08306b"}

#: Colour and style per kind of change between two waves.
CHANGE_STYLES = {
    "nieuw": {"color": "#1a9850", "style": "solid", "label": "nieuw"},
    "sterker": {"color": "#2166ac", "style": "solid", "label": "sterker"},
    "gelijk": {"color": "#bdbdbd", "style": "solid", "label": "gelijk"},
    "zwakker": {"color": "#f46d43", "style": "solid", "label": "zwakker"},
    "verdwenen": {"color": "#d73027", "style": (0, (3, 2)), "label": "verdwenen"},
}

# Partner names are text, never math: "$" in a name must not start matplotlib's mathtext.
plt.rcParams.update({"font.family": "DejaVu Sans", "svg.hashsalt": "evaluatie", "text.parse_math": False})


def node_colour(kind: str | None) -> str:
    """The fixed colour of a partner type: the colour of its sector."""
    return SECTOR_COLOURS[sector(kind)]



def to_png(fig: plt.Figure) -> bytes:
    """Render a figure to compact PNG bytes (256 colours, no time stamps), then close it.

    The pixels come straight from the canvas (no intermediate PNG to encode and decode again).
    """
    try:
        fig.canvas.draw()
        width, height = fig.canvas.get_width_height(physical=True)
        image = Image.frombuffer("RGBA", (width, height), fig.canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
        image = image.convert("RGB")
    finally:
        plt.close(fig)
    image = image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=0)
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=6)  # optimize=True would halve the speed for 10% fewer bytes
    return out.getvalue()
