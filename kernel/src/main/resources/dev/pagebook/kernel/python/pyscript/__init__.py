"""PyScript's API for cells run in Pagebook's kernel: the page is reached through the DomBridge."""
import json

from pyscript._display import HTML, display
from pyscript._dom import document, window
from pyscript._events import when

from pyscript import ffi, web  # noqa: E402 - after the names they build on

from pagebook_kernel import channel as _channel  # noqa: E402

RUNNING_IN_WORKER = False
config = json.loads(_channel.page_config_json)


def current_target():
    """The id of the element where the running cell's output goes (PyScript: the script's target)."""
    shell = _channel.shell
    return f"{shell.current_cell}-output" if shell and shell.current_cell else None


__all__ = ["HTML", "display", "document", "window", "when", "current_target", "config",
           "RUNNING_IN_WORKER", "ffi", "web"]
