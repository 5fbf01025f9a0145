"""matplotlib backend (MPLBACKEND=module://pagebook_kernel.mpl_backend): figures become PNG outputs.

plt.show() displays every open figure; figures still open when a cell ends are displayed by the
kernel (flush_figures); like IPython's inline backend, displayed figures are closed. Like IPython's,
figures are PNG unless the cell asks for more (%config InlineBackend.figure_formats = ["png", "svg"]).
"""
import base64
import io

from matplotlib import rcParams
from matplotlib._pylab_helpers import Gcf
from matplotlib.backend_bases import FigureManagerBase, _Backend
from matplotlib.backends.backend_agg import FigureCanvasAgg

from pagebook_kernel import channel

FORMATS = ("png", "svg")
figure_formats = ["png"]


def set_figure_formats(*formats):
    """%config InlineBackend.figure_formats = [...] (or figure_format = "svg") in a cell."""
    if len(formats) == 1 and not isinstance(formats[0], str):
        formats = tuple(formats[0])
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise ValueError(f"figure formats must be some of {list(FORMATS)}, not {list(formats)}")
    figure_formats[:] = list(dict.fromkeys(formats))


def _tight_bbox(figure):
    # savefig(bbox_inches="tight") lays the figure out again for every format; doing it once
    # saves one layout when both PNG and SVG are wanted.
    if figure.get_layout_engine() is not None:
        figure.draw_without_rendering()  # constrained/tight layout positions the axes at draw time
    bbox = figure.get_tightbbox(figure.canvas.get_renderer())
    return bbox.padded(rcParams["savefig.pad_inches"])


def _png_from_one_draw(figure):
    """The figure drawn once and cropped to its ink, or None when that can't match savefig.

    savefig(bbox_inches="tight") costs a layout pass plus a draw, each about as slow as the draw
    itself in GraalPy; cropping the Agg buffer to the drawn pixels gives the same picture for
    everything drawn inside the canvas, in a third of the time (docs/kernel.md).
    """
    import numpy as np
    from PIL import Image

    if (rcParams["savefig.transparent"] or rcParams["savefig.facecolor"] != "auto"
            or rcParams["savefig.dpi"] not in ("figure", figure.dpi)):
        return None
    figure.canvas.draw()
    rgba = np.asarray(figure.canvas.buffer_rgba())
    height, width = rgba.shape[:2]
    background = rgba[0, 0]
    ink = (rgba != background).any(axis=2)
    rows = np.flatnonzero(ink.any(axis=1))
    cols = np.flatnonzero(ink.any(axis=0))
    if not rows.size:
        return None
    if rows[0] == 0 or cols[0] == 0 or rows[-1] == height - 1 or cols[-1] == width - 1:
        return None  # drawn up to the edge, so maybe past it: tight bbox grows the canvas
    if _text_outside(figure, figure.canvas.get_renderer(), width, height):
        return None
    pad = int(round(rcParams["savefig.pad_inches"] * figure.dpi))
    top, bottom, left, right = rows[0], rows[-1] + 1, cols[0], cols[-1] + 1
    # Like savefig's tight bbox, the padding may reach past the canvas: fill it with background.
    out = np.empty((bottom - top + 2 * pad, right - left + 2 * pad, 4), dtype=rgba.dtype)
    out[:] = background
    out[pad:pad + bottom - top, pad:pad + right - left] = rgba[top:bottom, left:right]
    png = io.BytesIO()
    Image.fromarray(out).save(png, format="png")
    return png.getvalue()


def _text_outside(figure, renderer, width, height):
    """Labels, titles, legends and texts placed wholly off the canvas leave no ink to find."""
    artists = list(figure.legends) + list(figure.texts)
    artists += [getattr(figure, name, None) for name in ("_suptitle", "_supxlabel", "_supylabel")]
    for ax in figure.axes:
        artists += [ax.xaxis.label, ax.yaxis.label, ax.title, ax._left_title, ax._right_title, ax.legend_]
        artists += list(ax.texts)
    for artist in artists:
        if artist is None or not artist.get_visible() or (hasattr(artist, "get_text") and not artist.get_text()):
            continue
        box = artist.get_window_extent(renderer)
        if box.x0 < 0 or box.y0 < 0 or box.x1 > width or box.y1 > height:
            return True
    return False


def figure_bundle(figure):
    width, height = figure.get_size_inches() * figure.dpi
    data = {"text/plain": f"<Figure size {width:g}x{height:g} with {len(figure.axes)} Axes>"}
    bbox = None
    if "png" in figure_formats:
        png = _png_from_one_draw(figure)
        if png is None:
            bbox = _tight_bbox(figure)
            out = io.BytesIO()
            figure.savefig(out, format="png", bbox_inches=bbox)
            png = out.getvalue()
        data["image/png"] = base64.b64encode(png).decode("ascii")
    if "svg" in figure_formats:
        svg = io.StringIO()
        figure.savefig(svg, format="svg", bbox_inches=bbox if bbox is not None else _tight_bbox(figure))
        data["image/svg+xml"] = svg.getvalue()
    return data, {}


def _display_and_close(manager):
    data, metadata = figure_bundle(manager.canvas.figure)
    channel.display_data(data, metadata)
    Gcf.destroy(manager)


def flush_figures():
    for manager in Gcf.get_all_fig_managers():
        _display_and_close(manager)


@_Backend.export
class _BackendPagebook(_Backend):
    FigureCanvas = FigureCanvasAgg
    FigureManager = FigureManagerBase

    @staticmethod
    def show(*args, block=None, **kwargs):
        flush_figures()

    @staticmethod
    def draw_if_interactive():
        pass
