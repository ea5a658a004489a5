"""The look every figure shares: one colour per partner type and per level, the same in every report,
fonts, and compact reproducible PNG output. The drawings themselves are in :mod:`.maps` (the chain)
and :mod:`.charts` (everything else).

Example
-------
>>> node_colour("huisarts"), node_colour(None)
('#0072B2', '#ffffff')
"""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")  # figures are rendered to PNG; no screen is needed or used

import matplotlib.pyplot as plt  # noqa: E402
from PIL import Image  # noqa: E402

from ..invoer.vocabulary import PARTNER_TYPES  # noqa: E402

#: One colour per partner type, fixed for every report (Okabe-Ito first, then tab20 tones).
TYPE_COLOURS: dict[str, str] = {
    "huisarts": "#0072B2",
    "poh-ggz": "#56B4E9",
    "mantelzorgsteunpunt": "#D55E00",
    "sociaal wijkteam": "#E69F00",
    "gemeente": "#000000",
    "ggd": "#999999",
    "ggz": "#CC79A7",
    "wijkverpleging": "#009E73",
    "welzijn": "#F0E442",
    "vrijwilligersorganisatie": "#bcbd22",
    "clientondersteuning": "#8c564b",
    "migrantenorganisatie": "#9467bd",
    "werkgever": "#17becf",
    "ziekenhuis": "#d62728",
    "overig": "#c7c7c7",
    "onbekend": "#ffffff",
}
assert set(PARTNER_TYPES) <= set(TYPE_COLOURS)

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
    """The fixed colour of a partner type (white for unknown)."""
    return TYPE_COLOURS.get(kind or "onbekend", "#ffffff")



def to_png(fig: plt.Figure) -> bytes:
    """Render a figure to compact PNG bytes (256 colours, no time stamps), then close it."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    plt.close(fig)
    buffer.seek(0)
    image = Image.open(buffer).convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=0)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()

