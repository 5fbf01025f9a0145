"""matplotlib backend (MPLBACKEND=module://pagebook_kernel.mpl_backend): figures become PNG+SVG outputs.

plt.show() displays every open figure; figures still open when a cell ends are displayed by the
kernel (flush_figures); like IPython's inline backend, displayed figures are closed.
"""
import base64
import io

from matplotlib import rcParams
from matplotlib._pylab_helpers import Gcf
from matplotlib.backend_bases import FigureManagerBase, _Backend
from matplotlib.backends.backend_agg import FigureCanvasAgg

from pagebook_kernel import channel


def _tight_bbox(figure):
    # savefig(bbox_inches="tight") lays the figure out again for every format; doing it once for
    # both PNG and SVG took a warmed GraalPy kernel from 5.5 s to about half that per figure.
    if figure.get_layout_engine() is not None:
        figure.draw_without_rendering()  # constrained/tight layout positions the axes at draw time
    bbox = figure.get_tightbbox(figure.canvas.get_renderer())
    return bbox.padded(rcParams["savefig.pad_inches"])


def figure_bundle(figure):
    bbox = _tight_bbox(figure)
    png = io.BytesIO()
    figure.savefig(png, format="png", bbox_inches=bbox)
    svg = io.StringIO()
    figure.savefig(svg, format="svg", bbox_inches=bbox)
    width, height = figure.get_size_inches() * figure.dpi
    data = {
        "image/png": base64.b64encode(png.getvalue()).decode("ascii"),
        "image/svg+xml": svg.getvalue(),
        "text/plain": f"<Figure size {width:g}x{height:g} with {len(figure.axes)} Axes>",
    }
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
