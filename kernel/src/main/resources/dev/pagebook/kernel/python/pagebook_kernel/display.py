"""IPython's display rules: _repr_mimebundle_ first, then the _repr_*_ methods, then repr()."""
from pagebook_kernel import channel

_REPR_METHODS = (
    ("text/html", "_repr_html_"),
    ("text/markdown", "_repr_markdown_"),
    ("image/svg+xml", "_repr_svg_"),
    ("image/png", "_repr_png_"),
    ("image/jpeg", "_repr_jpeg_"),
    ("text/latex", "_repr_latex_"),
    ("application/json", "_repr_json_"),
    ("application/javascript", "_repr_javascript_"),
)
_BINARY = {"image/png", "image/jpeg"}
MAX_TEXT_REPR = 100_000


def _encode(mime, value):
    if mime in _BINARY:
        if isinstance(value, (bytes, bytearray, memoryview)):
            import base64
            return base64.b64encode(bytes(value)).decode("ascii")
        return str(value)
    if mime == "application/json":
        return value if isinstance(value, str) else channel.dumps(value)
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def _call_repr(method):
    value = method()
    if isinstance(value, tuple) and len(value) == 2:
        return value
    return value, None


def _figure_bundle(obj):
    from pagebook_kernel import mpl_backend
    return mpl_backend.figure_bundle(obj)


def _is_figure(obj):
    import sys
    if "matplotlib.figure" not in sys.modules:
        return False
    return isinstance(obj, sys.modules["matplotlib.figure"].Figure)


def text_repr(obj):
    try:
        text = repr(obj)
    except Exception as e:  # a broken __repr__ must not break the cell's other outputs
        text = f"<repr of {type(obj).__name__} failed: {e!r}>"
    if len(text) > MAX_TEXT_REPR:
        text = text[:MAX_TEXT_REPR] + f"... [{len(text) - MAX_TEXT_REPR} more characters]"
    return text


def format_bundle(obj):
    """(data, metadata) for obj, richest representation first, text/plain always present."""
    if _is_figure(obj):
        return _figure_bundle(obj)
    data, metadata = {}, {}
    if not isinstance(obj, type):
        bundle = getattr(obj, "_repr_mimebundle_", None)
        if callable(bundle):
            value = bundle(include=None, exclude=None)
            if isinstance(value, tuple):
                value, meta = value
                metadata.update(meta or {})
            for mime, payload in (value or {}).items():
                data[mime] = _encode(mime, payload)
        for mime, name in _REPR_METHODS:
            method = getattr(obj, name, None)
            if mime in data or not callable(method):
                continue
            try:
                value, meta = _call_repr(method)
            except NotImplementedError:
                continue
            if value is None:
                continue
            data[mime] = _encode(mime, value)
            if meta:
                metadata[mime] = meta
    data.setdefault("text/plain", text_repr(obj))
    plain = data.pop("text/plain")
    data["text/plain"] = plain
    return data, metadata


def display(*objs, raw=False, metadata=None, **kwargs):
    """IPython's display(); with raw=True each obj is already a MIME bundle dict."""
    for obj in objs:
        if raw:
            data, meta = {k: _encode(k, v) for k, v in obj.items()}, dict(metadata or {})
        else:
            data, meta = format_bundle(obj)
            meta.update(metadata or {})
        channel.display_data(data, meta)


def clear_output(wait=False):
    channel.clear_output(wait)


class _Rich:
    """Base of the HTML/Markdown/SVG/... convenience wrappers (as in IPython.display)."""
    mime = "text/plain"

    def __init__(self, data=None, metadata=None):
        self.data = data if data is not None else ""
        self.metadata = metadata

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {self.mime: self.data, "text/plain": f"<{type(self).__name__} object>"}, self.metadata or {}

    def __repr__(self):
        return f"<{type(self).__name__} object>"


class HTML(_Rich):
    mime = "text/html"


class Markdown(_Rich):
    mime = "text/markdown"


class SVG(_Rich):
    mime = "image/svg+xml"


class JSON(_Rich):
    mime = "application/json"

    def _repr_mimebundle_(self, include=None, exclude=None):
        import json
        return {self.mime: json.dumps(self.data), "text/plain": repr(self.data)}, {}


class Image(_Rich):
    def __init__(self, data=None, filename=None, format="png", metadata=None):
        if filename is not None:
            with open(filename, "rb") as f:
                data = f.read()
            format = filename.rsplit(".", 1)[-1].lower().replace("jpg", "jpeg")
        super().__init__(data, metadata)
        self.mime = f"image/{format}"
