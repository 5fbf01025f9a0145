"""matplotlib's Artist property tables, remembered from one process to the next.

Every Artist subclass that matplotlib defines builds, at import, the signature and docstring of its
``set()`` from its setters' docstrings (``ArtistInspector``: ``dir()``, ``inspect.getdoc``, a regular
expression per setter), and docstrings that say ``%(Line2D:kwdoc)s`` build a property table the same
way. CPython does this in a fraction of a second; cold GraalPy code takes most of ten seconds of a
first ``import matplotlib.pyplot``. The results depend only on matplotlib's own code, so the ones
for matplotlib's classes are kept in matplotlib's cache directory, keyed by matplotlib's version
and the interpreter, and later processes set the very same signatures and docstrings from there.
Classes defined elsewhere (a cell's own Artist subclass) are always inspected afresh.
"""
import sys

_MODULE = "matplotlib.artist"
_OWN_PACKAGES = ("matplotlib.", "mpl_toolkits.")


def install():
    """Arranges for matplotlib.artist, when something imports it, to use the remembered tables."""
    if _MODULE in sys.modules:
        return
    if not any(isinstance(finder, _ArtistImport) for finder in sys.meta_path):
        sys.meta_path.insert(0, _ArtistImport())


class _ArtistImport:
    """A meta path finder that lets the usual finders load matplotlib.artist, then adds the memo."""

    def find_spec(self, name, path=None, target=None):
        if name != _MODULE:
            return None
        sys.meta_path.remove(self)
        for finder in sys.meta_path:
            find = getattr(finder, "find_spec", None)
            spec = find(name, path, target) if find else None
            if spec is not None:
                spec.loader = _MemoAfterLoading(spec.loader)
                return spec
        return None


class _MemoAfterLoading:

    def __init__(self, loader):
        self._loader = loader

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        self._loader.exec_module(module)
        try:
            _Memo(module).attach()
        except Exception:  # noqa: BLE001 - another matplotlib than expected: it works as it always did
            pass

    def __getattr__(self, name):
        return getattr(self._loader, name)


_memo = None


def flush():
    """Writes what was learned since the last flush; the shell calls it after each cell."""
    if _memo is not None:
        _memo.save()


class _Memo:

    def __init__(self, artist_module):
        import matplotlib
        self._artist = artist_module
        self._rc = matplotlib.rcParams
        self._file = self._path(matplotlib)
        self._entries = self._load()
        self._loaded = len(self._entries)
        self._dirty = False
        self._interpolating = False

    @staticmethod
    def _path(matplotlib):
        import os
        tag = sys.implementation.cache_tag or sys.implementation.name
        return os.path.join(matplotlib.get_cachedir(),
                            f"pagebook-artist-docs-{matplotlib.__version__}-{tag}.marshal")

    def _load(self):
        import marshal
        try:
            with open(self._file, "rb") as f:
                entries = marshal.load(f)
            return entries if isinstance(entries, dict) else {}
        except (OSError, EOFError, ValueError, TypeError):
            return {}

    def save(self):
        if not self._dirty:
            return
        import marshal
        import os
        temporary = f"{self._file}.{os.getpid()}-{id(self)}.tmp"  # contexts share the process
        try:
            with open(temporary, "wb") as f:
                marshal.dump(self._entries, f)
            os.replace(temporary, self._file)
            self._dirty = False
        except OSError:
            try:
                os.remove(temporary)
            except OSError:
                pass

    def attach(self):
        global _memo
        artist = self._artist
        update = artist.Artist.__dict__["_update_set_signature_and_docstring"].__func__
        kwdoc = artist.kwdoc
        loader = sys.modules["matplotlib._docstring"]._ArtistKwdocLoader
        missing = loader.__missing__
        memo = self

        def remembered_update(cls):
            # As the class is created: set()'s signature and docstring as of that moment.
            key = memo._key(cls, "set")
            entry = memo._entries.get(key) if key else None
            if entry is None:
                update(cls)
                if key:
                    names = list(cls.set.__signature__.parameters)[1:]
                    memo._remember(key, (names, cls.set.__doc__))
                return
            names, doc = entry
            parameter = artist.Parameter
            cls.set.__signature__ = artist.Signature(
                [parameter("self", parameter.POSITIONAL_OR_KEYWORD),
                 *[parameter(name, parameter.KEYWORD_ONLY, default=artist._UNSET) for name in names]])
            cls.set._autogenerated_signature = True
            cls.set.__doc__ = doc

        def remembered_missing(params, key):
            # "%(Line2D:kwdoc)s" in a docstring matplotlib decorates; matplotlib keeps the first
            # table per name itself, other kwdoc() calls describe the class as it is by then.
            memo._interpolating = True
            try:
                return missing(params, key)
            finally:
                memo._interpolating = False

        def remembered_kwdoc(obj):
            key = memo._key(obj, "kwdoc") if memo._interpolating and isinstance(obj, type) else None
            if key is None:
                return kwdoc(obj)
            doc = memo._entries.get(key)
            if doc is None:
                doc = kwdoc(obj)
                memo._remember(key, doc)
            return doc

        remembered_kwdoc.__doc__ = kwdoc.__doc__
        remembered_kwdoc.__wrapped__ = kwdoc
        artist.Artist._update_set_signature_and_docstring = classmethod(remembered_update)
        artist.kwdoc = remembered_kwdoc
        loader.__missing__ = remembered_missing
        _memo = self

    def _key(self, cls, what):
        module = getattr(cls, "__module__", "") or ""
        if not module.startswith(_OWN_PACKAGES):
            return None
        hardcopy = "rest" if self._rc["docstring.hardcopy"] else "text"
        return f"{what}:{hardcopy}:{module}:{cls.__qualname__}"

    def _remember(self, key, value):
        self._entries[key] = value
        self._dirty = True
