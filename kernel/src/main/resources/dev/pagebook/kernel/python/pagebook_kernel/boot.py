"""Entry point the Java kernel calls once per context."""
import sys

try:
    import posix as _os_base
except ImportError:  # Windows
    import nt as _os_base

from pagebook_kernel import artist_docs, channel


def _no_process_exit(status=0):
    # The kernel shares its process with the app: os._exit ends the cell, never the process.
    raise SystemExit(status)


def start(host, page_config_json):
    # Nothing here imports os, re or json (half a second each under GraalPy): the first result
    # comes sooner. The Java side sets MPLBACKEND in the context's environment.
    channel.attach(host, page_config_json)
    # As in Jupyter, a cell imports the modules next to its notebook (the kernel's working
    # directory), but last: a notebook's ast.py or pyscript.py cannot hide what the kernel uses.
    sys.path.append("")
    _os_base._exit = _no_process_exit  # os takes its _exit from posix when first imported
    if "os" in sys.modules:
        sys.modules["os"]._exit = _no_process_exit
    artist_docs.install()
    # pyscript is imported by the cells that use it, not here: start-up stays short.
    from pagebook_kernel.shell import Shell
    channel.shell = Shell()
    return channel.shell


def warm_imports(modules):
    """Loads heavy libraries ahead of the cells that import them; a failure is left for the cell to report."""
    import importlib
    # Nobody has asked to run the notebook yet: a numpy.py next to it must not be what is imported.
    saved = list(sys.path)
    sys.path[:] = [entry for entry in saved if entry not in ("", ".")]
    try:
        for name in modules:
            try:
                importlib.import_module(name)
            except BaseException:  # noqa: B036 - any failure here belongs to the cell that imports it
                pass
        if "matplotlib.pyplot" in modules:
            _warm_figures()
    finally:
        sys.path[:] = saved + [entry for entry in sys.path if entry not in saved]
    artist_docs.flush()


def _warm_figures():
    # The first figure a context renders runs matplotlib's layout and PNG/SVG code cold (seconds
    # under GraalPy); one throwaway figure, never registered with pyplot, warms those paths.
    try:
        from matplotlib.figure import Figure
        from pagebook_kernel.mpl_backend import figure_bundle
        figure = Figure(figsize=(2, 1.5))
        axes = figure.add_subplot()
        axes.plot([0, 1, 2], [1, 0, 1], label="warm-up")
        axes.set_title("warm-up")
        axes.legend()
        figure_bundle(figure)
    except BaseException:  # noqa: B036 - a cell that draws will report any real problem
        pass
