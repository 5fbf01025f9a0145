# Runs the notebook's cells in the browser the way Pagebook's kernel does: each cell's print()
# output, display() values, last-expression value, matplotlib figures and traceback become
# nbformat outputs that replace the pre-rendered outputs in the cell's target element.
import ast
import base64
import io
import json
import linecache
import os
import sys
import textwrap
import traceback
import types

import js
import pyscript

os.environ.setdefault("MPLBACKEND", "module://pagebook_inline")

_outputs = None
_original_display = pyscript.display


class _Stream(io.TextIOBase):
    def __init__(self, name, fallback):
        self.name = name
        self.fallback = fallback

    def write(self, text):
        if _outputs is None:
            return self.fallback.write(text)
        if _outputs and _outputs[-1].get("output_type") == "stream" and _outputs[-1]["name"] == self.name:
            _outputs[-1]["text"] += text
        else:
            _outputs.append({"output_type": "stream", "name": self.name, "text": text})
        return len(text)


def _figure_png(figure):
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", bbox_inches="tight")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _is_figure(value):
    return type(value).__module__.startswith("matplotlib") and hasattr(value, "savefig")


def _mime_bundle(value):
    if _is_figure(value):
        return {"image/png": _figure_png(value), "text/plain": repr(value)}
    if hasattr(value, "_repr_mimebundle_"):
        bundle = value._repr_mimebundle_()
        if isinstance(bundle, tuple):
            bundle = bundle[0]
        if bundle:
            return {k: (v if isinstance(v, str) else json.dumps(v)) for k, v in bundle.items()}
    bundle = {}
    for method, mime in (("_repr_html_", "text/html"), ("_repr_svg_", "image/svg+xml"),
                         ("_repr_png_", "image/png"), ("_repr_json_", "application/json")):
        if hasattr(value, method):
            data = getattr(value, method)()
            if data is None:
                continue
            if isinstance(data, bytes):
                data = base64.b64encode(data).decode("ascii")
            elif not isinstance(data, str):
                data = json.dumps(data)
            bundle[mime] = data
    bundle["text/plain"] = repr(value)
    return bundle


def display(*values, target=None, append=True):
    if target is not None or _outputs is None:
        return _original_display(*values, target=target, append=append)
    for value in values:
        _outputs.append({"output_type": "display_data", "data": _mime_bundle(value), "metadata": {}})


def _flush_figures():
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is None or _outputs is None:
        return
    for number in pyplot.get_fignums():
        figure = pyplot.figure(number)
        _outputs.append({"output_type": "display_data", "data": _mime_bundle(figure), "metadata": {}})
    pyplot.close("all")


def _inline_backend():
    module = types.ModuleType("pagebook_inline")

    def __getattr__(name):
        from matplotlib.backends import backend_agg
        return getattr(backend_agg, name)

    module.__getattr__ = __getattr__
    module.show = lambda *args, **kwargs: _flush_figures()
    module.FigureCanvas = None
    del module.FigureCanvas
    return module


sys.modules["pagebook_inline"] = _inline_backend()
pyscript.display = display
import __main__
_namespace = __main__.__dict__
_namespace["display"] = display


class _HtmlMagicOutput:
    """What %%html shows: the kernel's bundle for it (IPython's HTML), so saved and live agree."""

    def __init__(self, html):
        self.html = html

    def _repr_mimebundle_(self):
        return {"text/html": self.html, "text/plain": "<HTML object>"}


def _load_magics():
    """The kernel's magics (pagebook_magics, shipped in the manifest when a cell uses one)."""
    source = js.pagebook.magics()
    if not source:
        return None
    module = types.ModuleType("pagebook_magics")
    module.__file__ = _MAGICS_FILE
    exec(compile(source, _MAGICS_FILE, "exec"), module.__dict__)
    sys.modules["pagebook_magics"] = module

    def pip(args):
        print(f"%pip {' '.join(args)}: skipped in the page, which loads the packages its config names "
              "(the export adds those the cells import)", file=sys.stderr)

    def system(command):
        raise module.UsageError(f"!{command}: shell commands cannot run in a web page")

    _namespace[module.NAME] = module.Magics(pip=pip, system=system,
                                            display_html=lambda html: display(_HtmlMagicOutput(html)))
    return module


_MAGICS_FILE = "<pagebook magics>"


def _error_output(error, filename):
    # Frames are listed without column carets: they differ between Python versions (and the
    # kernel), the file and line are what the reader needs. The magics' own frames are left out,
    # as in the kernel.
    frames = [frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename != _MAGICS_FILE]
    while frames and frames[0].filename != filename:
        frames.pop(0)
    lines = ["Traceback (most recent call last):"] if frames else []
    for frame in frames:
        lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
        if frame.line:
            lines.append(f"    {frame.line.strip()}")
    lines += [line.rstrip("\n") for line in traceback.format_exception_only(type(error), error)]
    return {"output_type": "error", "ename": type(error).__name__, "evalue": str(error), "traceback": lines}


async def _evaluate(code, filename, mode):
    flags = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
    result = eval(compile(code, filename, mode, flags=flags), _namespace)
    if isinstance(result, types.CoroutineType):
        result = await result
    return result


async def run_cell(cell_id, source):
    global _outputs
    filename = f"<cell {cell_id}>"
    code = textwrap.dedent(source).strip("\n") + "\n"
    linecache.cache[filename] = (len(code), None, code.splitlines(True), filename)
    if _magics is not None:
        code = _magics.translate(code, filename)
    _outputs = []
    js.pagebook.watchPage()
    stdout, stderr = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _Stream("stdout", stdout), _Stream("stderr", stderr)
    try:
        tree = ast.parse(code, filename)
        last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        await _evaluate(ast.Module(tree.body, type_ignores=[]), filename, "exec")
        value = await _evaluate(ast.Expression(last.value), filename, "eval") if last else None
        if value is not None:
            _namespace["_"] = value
            if _is_figure(value):
                sys.modules["matplotlib.pyplot"].close(value)
            _outputs.append({"output_type": "execute_result", "execution_count": None,
                             "data": _mime_bundle(value), "metadata": {}})
        _flush_figures()
    except BaseException as error:
        _outputs.append(_error_output(error, filename))
    finally:
        sys.stdout, sys.stderr = stdout, stderr
        # What the cell wrote into the page, as the kernel saves it (docs/export.md).
        for element_id, html in json.loads(js.pagebook.pageChanges()):
            _outputs.append({"output_type": "display_data", "data": {"text/html": html},
                             "metadata": {"pagebook": {"target": element_id}}})
        outputs, _outputs = _outputs, None
    return json.dumps(outputs)


def _install_modules():
    # The notebook's own modules (helpers.py next to it): last on sys.path, as in the kernel, so
    # they are found wherever the page is opened and hide no package.
    modules = json.loads(js.pagebook.modules())
    if not modules:
        return
    root = "/pagebook-modules"
    for relative, source in modules.items():
        path = os.path.join(root, *relative.split("/"))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as file:
            file.write(source)
    sys.path.append(root)


_magics = None


async def run_all():
    global _magics
    try:
        _install_modules()
        _magics = _load_magics()
        for cell in js.pagebook.cells():
            js.pagebook.showOutputs(cell.id, await run_cell(cell.id, cell.source))
    except BaseException as error:
        js.pagebook.failed(f"{type(error).__name__}: {error}")
        raise
    js.pagebook.finished()


await run_all()
