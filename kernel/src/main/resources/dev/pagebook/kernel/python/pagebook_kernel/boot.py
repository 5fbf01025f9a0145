"""Entry point the Java kernel calls once per context."""
import os

from pagebook_kernel import channel


def _no_process_exit(status=0):
    # The kernel shares its process with the app: os._exit ends the cell, never the process.
    raise SystemExit(status)


def start(host, page_config_json):
    channel.attach(host, page_config_json)
    os.environ["MPLBACKEND"] = "module://pagebook_kernel.mpl_backend"
    os._exit = _no_process_exit
    # pyscript is imported by the cells that use it, not here: start-up stays short.
    from pagebook_kernel.shell import Shell
    channel.shell = Shell()
    return channel.shell


def warm_imports(modules):
    """Loads heavy libraries ahead of the cells that import them; a failure is left for the cell to report."""
    import importlib
    for name in modules:
        try:
            importlib.import_module(name)
        except BaseException:  # noqa: B036 - any failure here belongs to the cell that imports it
            pass
