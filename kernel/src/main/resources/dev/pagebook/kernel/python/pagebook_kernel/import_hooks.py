"""Work done on a module right after it is first imported, by whatever imports it."""
import sys


def after_import(name, then):
    """Calls ``then(module)`` once the usual finders have loaded module ``name``; once per name."""
    if not any(isinstance(finder, _AfterImport) and finder.name == name for finder in sys.meta_path):
        sys.meta_path.insert(0, _AfterImport(name, then))


class _AfterImport:
    """A meta path finder that lets the usual finders find the module, then wraps its loader."""

    def __init__(self, name, then):
        self.name = name
        self._then = then

    def find_spec(self, name, path=None, target=None):
        if name != self.name:
            return None
        sys.meta_path.remove(self)
        for finder in sys.meta_path:
            find = getattr(finder, "find_spec", None)
            spec = find(name, path, target) if find else None
            if spec is not None:
                spec.loader = _ThenAfterLoading(spec.loader, self._then)
                return spec
        return None


class _ThenAfterLoading:

    def __init__(self, loader, then):
        self._loader = loader
        self._then = then

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        self._loader.exec_module(module)
        self._then(module)

    def __getattr__(self, name):
        return getattr(self._loader, name)
