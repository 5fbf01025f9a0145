"""The cells' source lines for linecache (tracebacks, warnings, inspect.getsource).

linecache pulls in tokenize, re and enum, close to a second of a GraalPy kernel's start, so it is
not imported for the kernel's sake: the cells' sources wait here and are handed over the moment
anything imports it.
"""
import sys

_pending = {}


def remember(filename, code):
    entry = (len(code), None, code.splitlines(True), filename)
    linecache = sys.modules.get("linecache")
    if linecache is not None:
        linecache.cache[filename] = entry
        return
    _pending[filename] = entry
    if not any(isinstance(finder, _LinecacheImport) for finder in sys.meta_path):
        sys.meta_path.insert(0, _LinecacheImport())


class _LinecacheImport:
    """A meta path finder that lets the usual finders load linecache, then fills its cache."""

    def find_spec(self, name, path=None, target=None):
        if name != "linecache":
            return None
        sys.meta_path.remove(self)
        for finder in sys.meta_path:
            find = getattr(finder, "find_spec", None)
            spec = find(name, path, target) if find else None
            if spec is not None:
                spec.loader = _FillAfterLoading(spec.loader)
                return spec
        return None


class _FillAfterLoading:

    def __init__(self, loader):
        self._loader = loader

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        self._loader.exec_module(module)
        module.cache.update(_pending)
        _pending.clear()

    def __getattr__(self, name):
        return getattr(self._loader, name)
