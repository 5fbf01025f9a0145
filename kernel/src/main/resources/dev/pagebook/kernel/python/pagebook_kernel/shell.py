"""Runs cells: magics, the last expression as execute_result, tracebacks in the cell's own lines."""
# Only builtin modules at start-up: os, re, ast, linecache and traceback each cost a tenth to half a
# second under GraalPy and a plain cell needs none of them; they are imported when first needed.
import _ast
import sys

from pagebook_kernel import artist_docs as _artist_docs, channel, display as rich, sources as _sources
from pagebook_kernel.streams import CellStream

_FRAMES_KEPT = 20
# This package's folder with its trailing separator, without importing os (slow under GraalPy).
_KERNEL_DIR = __file__[:-len("shell.py")]
# Import names whose PyPI package is called differently.
_PACKAGE_OF = {
    "PIL": "pillow", "sklearn": "scikit-learn", "yaml": "pyyaml", "cv2": "opencv-python",
    "bs4": "beautifulsoup4", "skimage": "scikit-image", "dateutil": "python-dateutil",
}


class PipFailed(Exception):
    pass


def _pip(args):
    status = channel.pip(list(args))
    import importlib
    importlib.invalidate_caches()
    if status != 0:
        raise PipFailed(f"pip {' '.join(args)} failed with exit status {status}")


def _system(command):
    """!command: its output streams into the cell as it comes; stopping the cell stops it."""
    import subprocess
    process = subprocess.Popen(command, shell=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               stdin=subprocess.DEVNULL, text=True, errors="replace", bufsize=1)
    try:
        for line in process.stdout:
            sys.stdout.write(line)
        process.wait()
    except BaseException:
        process.kill()
        raise
    finally:
        process.stdout.close()


def _configure(setting):
    """IPython's %config for the one setting that means something here: the figure formats."""
    import ast
    import re
    m = re.match(r"^InlineBackend\.figure_formats?\s*=\s*(.+)$", setting)
    if not m:
        print(f"%config {setting}: not supported by the Pagebook kernel (only InlineBackend.figure_formats)")
        return
    from pagebook_kernel import mpl_backend
    mpl_backend.set_figure_formats(ast.literal_eval(m.group(1).strip()))


def _display_html(html):
    rich.display(rich.HTML(html))


def _input(prompt=""):
    """input() in a cell: the app asks under the cell; the answer is echoed after the prompt, as in Jupyter."""
    prompt = str(prompt)
    line = channel.input_line(prompt)
    sys.stdout.write(prompt + line + "\n")
    return line


def _getpass(prompt="Password: ", stream=None):
    """getpass.getpass() in a cell: asked like input(), but not shown and not echoed."""
    return channel.input_line(str(prompt), password=True)


def _use_kernel_getpass(module):
    module.getpass = _getpass


def _located_indent_error(error, code, filename):
    """GraalPy 25 puts "unexpected indent" on the cell's first line; tokenize finds the real one."""
    if error.msg != "unexpected indent":
        return error
    import io
    import tokenize
    significant, line_end = None, None
    try:
        for token in tokenize.generate_tokens(io.StringIO(code).readline):
            if token.type == tokenize.INDENT and (line_end is None or line_end.string != ":"):
                lineno, offset = token.start[0], token.end[1] + 1
                return IndentationError(error.msg, (filename, lineno, offset, token.line))
            if token.type == tokenize.NEWLINE:
                line_end = significant
            elif token.type not in (tokenize.NL, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT):
                significant = token
    except (tokenize.TokenError, SyntaxError):
        pass
    return error


class Shell:

    def __init__(self):
        self.namespace = {"__name__": "__main__", "__builtins__": __builtins__, "display": rich.display}
        self.hidden = set(self.namespace) | {"__pagebook_magics__"}
        self.stdout = CellStream("stdout", self._silence)
        self.stderr = CellStream("stderr", self._silence)
        self._devnull = None
        self._listen()
        sys.displayhook = lambda value: None
        import builtins
        builtins.input = _input
        if "getpass" in sys.modules:
            _use_kernel_getpass(sys.modules["getpass"])
        else:
            from pagebook_kernel import import_hooks
            import_hooks.after_import("getpass", _use_kernel_getpass)
        self.cell_filenames = set()
        self.current_cell = None

    def _listen(self):
        sys.stdout, sys.stderr = self.stdout, self.stderr

    def _reopen(self):
        self.stdout.reopen()
        self.stderr.reopen()
        self._listen()

    def _silence(self):
        """The cell's output cap is reached: the rest of its prints go to a builtin null file,
        far cheaper per print than a Python-level stream (100 MB of prints: seconds, not a minute)."""
        if self._devnull is None:
            import os
            self._devnull = open(os.devnull, "w")
        sys.stdout = sys.stderr = self._devnull

    # ---- running a cell ----------------------------------------------------------------------

    def run_cell(self, code, cell_id, count):
        """'ok' or 'error'; every output has already gone to the channel."""
        self.current_cell = cell_id
        self._reopen()
        filename = f"<cell {cell_id} [{count}]>"
        _sources.remember(filename, code)
        self.cell_filenames.add(filename)
        try:
            self._run(self._without_magics(code, filename), filename, count)
            status = "ok"
        except BaseException as e:  # noqa: B036 - SystemExit must not end the kernel either
            self._report(e)
            status = "error"
        finally:
            self._flush_figures()
            _artist_docs.flush()
        return status

    def _without_magics(self, code, filename):
        """%time, !ls, %%html ... as plain Python (pagebook_kernel.magics, shared with exported pages)."""
        if "%" not in code and "!" not in code:
            return code
        from pagebook_kernel import magics
        translated = magics.translate(code, filename)
        if translated is not code and magics.NAME not in self.namespace:
            self.namespace[magics.NAME] = magics.Magics(pip=_pip, system=_system, configure=_configure,
                                                        display_html=_display_html)
        return translated

    def _run(self, code, filename, count):
        try:
            tree = compile(code, filename, "exec", _ast.PyCF_ONLY_AST)
        except IndentationError as e:
            raise _located_indent_error(e, code, filename) from None
        last = None
        if tree.body and isinstance(tree.body[-1], _ast.Expr) and not code.rstrip().endswith(";"):
            last = _ast.Expression(tree.body.pop().value)
        if tree.body:
            exec(compile(tree, filename, "exec"), self.namespace)
        if last is not None:
            value = eval(compile(last, filename, "eval"), self.namespace)
            if value is not None:
                self.namespace["_"] = value
                data, metadata = rich.format_bundle(value)
                if rich._is_figure(value):
                    import matplotlib.pyplot as plt
                    plt.close(value)
                channel.display_data(data, metadata, result_count=count)

    def _flush_figures(self):
        if "matplotlib.pyplot" not in sys.modules:
            return
        import matplotlib
        if matplotlib.get_backend() == "module://pagebook_kernel.mpl_backend":
            from pagebook_kernel import mpl_backend
            try:
                mpl_backend.flush_figures()
            except Exception as e:
                self._report(e)

    def _report(self, error):
        import traceback
        lines = self._format_frames(error)
        if lines:
            lines.insert(0, "Traceback (most recent call last):\n")
        lines += traceback.format_exception_only(type(error), error)
        evalue = str(error)
        if isinstance(error, ModuleNotFoundError) and error.name:
            top = error.name.split(".")[0]
            package = _PACKAGE_OF.get(top, top)
            hint = (f"The package '{package}' is not installed in this kernel. "
                    f"Install it with:  %pip install {package}")
            lines.append(hint + "\n")
            evalue = f"{evalue}. {hint}"
        channel.error(type(error).__name__, evalue, [line.rstrip("\n") for line in lines])

    def dispatch_event(self, handle, event_type):
        """Runs the page's handlers for an event like a cell: 'ok' or 'error'."""
        self._reopen()
        try:
            from pyscript._events import dispatch
            dispatch(handle, event_type, self.namespace)
            return "ok"
        except BaseException as e:  # noqa: B036
            self._report(e)
            return "error"
        finally:
            self._flush_figures()

    def rebind_events(self):
        """The page was loaded anew: its @when handlers are bound to its new elements."""
        self._reopen()
        try:
            from pyscript._events import rebind
            rebind()
            return "ok"
        except BaseException as e:  # noqa: B036
            self._report(e)
            return "error"

    def _format_frames(self, error):
        """The traceback's frames from the first cell frame on; deep ones keep both ends only."""
        if isinstance(error, SyntaxError):
            return []
        import traceback
        # GraalPy extracts and formats frames slowly (7000 frames of infinite recursion took
        # 50 s): walk the chain cheaply and format only the frames shown.
        entries = list(traceback.walk_tb(error.__traceback__))
        while entries and not entries[0][0].f_code.co_filename.startswith("<cell "):
            entries.pop(0)
        # The kernel's own frames below a cell (os._exit's replacement, display's plumbing) are
        # not the user's code; the frames of what they called back into stay.
        entries = [e for e in entries if not e[0].f_code.co_filename.startswith(_KERNEL_DIR)]
        def formatted(part):
            return traceback.StackSummary.extract(iter(part)).format()
        if len(entries) <= 2 * _FRAMES_KEPT:
            return formatted(entries)
        omitted = len(entries) - 2 * _FRAMES_KEPT
        return (formatted(entries[:_FRAMES_KEPT]) + [f"  [... {omitted} more frames ...]\n"]
                + formatted(entries[-_FRAMES_KEPT:]))

    # ---- introspection -----------------------------------------------------------------------

    def complete(self, code, cursor):
        """[(text, type, start, end)] for the dotted name before the cursor."""
        import re
        before = code[:cursor]
        magic = re.match(r"^[ \t]*(%%?)(\w*)$", before.rsplit("\n", 1)[-1])
        if magic:
            from pagebook_kernel import magics
            sigil, prefix = magic.groups()
            names = magics.cell_magic_names() if sigil == "%%" else magics.line_magic_names()
            start = cursor - len(sigil) - len(prefix)
            return [(sigil + name, "magic", start, cursor) for name in names if name.startswith(prefix)]
        m = re.search(r"[A-Za-z_][\w.]*$|$", before)
        token = m.group(0)
        start = cursor - len(token)
        import rlcompleter
        completer = rlcompleter.Completer(self.namespace)
        found, state = [], 0
        while len(found) < 200:
            try:
                candidate = completer.complete(token, state)
            except Exception:
                break
            if candidate is None:
                break
            state += 1
            # rlcompleter marks callables "name(" and, since 3.11, ones without parameters
            # "name()": _kind evaluates the text, which must never call os.fork() and friends.
            text = candidate.rstrip("()")
            if text not in (c[0] for c in found) and not text.rsplit(".", 1)[-1].startswith("__pagebook"):
                found.append((text, self._kind(text), start, cursor))
        return found

    def _kind(self, dotted):
        try:
            obj = eval(dotted, self.namespace)  # only reached for names rlcompleter found
        except Exception:
            return "keyword"
        import inspect as _inspect
        if _inspect.ismodule(obj):
            return "module"
        if _inspect.isclass(obj):
            return "class"
        if callable(obj):
            return "function"
        return "instance"

    def inspect(self, code, cursor):
        import re
        m = re.search(r"[A-Za-z_][\w.]*$", code[:cursor] + re.match(r"[\w]*", code[cursor:]).group(0))
        if not m:
            return None
        try:
            obj = eval(m.group(0), self.namespace)
        except Exception:
            return None
        import inspect as _inspect
        head = f"{m.group(0)}: {type(obj).__name__}"
        try:
            head += f"\nSignature: {m.group(0).rsplit('.', 1)[-1]}{_inspect.signature(obj)}"
        except (TypeError, ValueError):
            pass
        doc = _inspect.getdoc(obj) or ""
        return head + ("\n\n" + doc if doc else "")

    def variables(self):
        import types
        rows = []
        for name, value in list(self.namespace.items()):
            if name in self.hidden or name.startswith("_") or isinstance(value, types.ModuleType):
                continue
            if isinstance(value, type) and value.__module__ != "__main__":
                continue
            # One line for the variables table: numpy's repr wraps and pads its rows.
            short = " ".join(rich.text_repr(value)[:2000].split())
            short = short if len(short) <= 80 else short[:77] + "..."
            rows.append((name, type(value).__name__, short, _size(value)))
        return rows


def _size(value):
    shape = getattr(value, "shape", None)
    if isinstance(shape, tuple):
        return " x ".join(str(n) for n in shape) or "scalar"
    try:
        return str(len(value))
    except Exception:
        return ""
