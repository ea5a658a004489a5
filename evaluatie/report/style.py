"""The look every figure shares: one colour per sector and per level, the same in every report, fonts, and
compact reproducible PNG output. The drawings themselves are in :mod:`.maps` (the chain) and :mod:`.charts`
(everything else).

Drawing is polite (as networkx's is): figures are :class:`matplotlib.figure.Figure` objects on their own Agg
canvas, outside pyplot, drawn inside :func:`styled`'s ``rc_context``. No backend is chosen and no setting
changes globally, so a researcher's own plots in JupyterLab stay inline and keep their mathtext.

Example
-------
>>> node_colour("huisarts"), node_colour("poh-ggz"), node_colour(None)
('#0072B2', '#0072B2', '#BBBBBB')
"""

from __future__ import annotations

import functools
import io

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

from evaluatie.vocabulary import sector

#: One colour-blind-safe colour per sector (Okabe & Ito 2008), the same in every report.
SECTOR_COLOURS: dict[str, str] = {
    "eerste lijn": "#0072B2",
    "GGZ en ziekenhuis": "#CC79A7",
    "sociaal domein": "#E69F00",
    "gemeente en GGD": "#009E73",
    "werk en samenleving": "#56B4E9",
    "overig": "#BBBBBB",
}
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

#: The settings every drawing runs under, applied with :func:`matplotlib.rc_context` (never globally).
#: Partner names are text, never math: "$" in a name must not start matplotlib's mathtext.
RC = {"font.family": "DejaVu Sans", "svg.hashsalt": "evaluatie", "text.parse_math": False}


def styled(draw):
    """Run a drawing function under :data:`RC`; the caller's settings are back when it returns."""
    @functools.wraps(draw)
    def drawing(*args, **kwargs):
        with matplotlib.rc_context(RC):
            return draw(*args, **kwargs)
    return drawing


def figure(figsize: tuple[float, float], dpi: float) -> Figure:
    """A figure on its own Agg canvas, outside pyplot: never shown inline, never kept by pyplot."""
    fig = Figure(figsize=figsize, dpi=dpi)
    FigureCanvasAgg(fig)
    return fig


def subplots(nrows: int = 1, ncols: int = 1, *, figsize: tuple[float, float], dpi: float, **kwargs):
    """:func:`figure` with a grid of axes, like :func:`matplotlib.pyplot.subplots`."""
    fig = figure(figsize, dpi)
    return fig, fig.subplots(nrows, ncols, **kwargs)


def node_colour(kind: str | None) -> str:
    """The fixed colour of a partner type: the colour of its sector."""
    return SECTOR_COLOURS[sector(kind)]


def to_png(fig: Figure) -> bytes:
    """Render a figure to compact PNG bytes (256 colours, no time stamps).

    The pixels come straight from the canvas (no intermediate PNG to encode and decode again).
    """
    with matplotlib.rc_context(RC):
        fig.canvas.draw()
    width, height = fig.canvas.get_width_height(physical=True)
    image = Image.frombuffer("RGBA", (width, height), fig.canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    image = image.convert("RGB")
    image = image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=0)
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=6)  # optimize=True would halve the speed for 10% fewer bytes
    return out.getvalue()
