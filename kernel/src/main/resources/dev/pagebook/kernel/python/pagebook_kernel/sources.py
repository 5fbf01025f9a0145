"""The cells' source lines for linecache (tracebacks, warnings, inspect.getsource).

linecache pulls in tokenize, re and enum, close to a second of a GraalPy kernel's start, so it is
not imported for the kernel's sake: the cells' sources wait here and are handed over the moment
anything imports it.
"""
import sys

from pagebook_kernel import import_hooks

_pending = {}


def remember(filename, code):
    entry = (len(code), None, code.splitlines(True), filename)
    linecache = sys.modules.get("linecache")
    if linecache is not None:
        linecache.cache[filename] = entry
        return
    _pending[filename] = entry
    import_hooks.after_import("linecache", _fill)


def _fill(linecache):
    linecache.cache.update(_pending)
    _pending.clear()
