"""IPython's everyday magics in Pagebook cells (%time, %timeit, %pip, !cmd, %%html, ...).

Shared by the kernel and exported pages, so a cell means the same in both: translate() rewrites a
cell's magic lines into calls of the Magics object installed in the cell's namespace, one line for
one line, so tracebacks keep the cell's own line numbers. Standard library only; re and the
rest are imported when a cell first uses a magic (each costs a tenth of a second or more under
GraalPy, and most cells have none).
"""
import sys
import time

NAME = "__pagebook_magics__"

_line_pattern = None
_SUPPORTED = ("%time, %timeit, %pip, %cd, %pwd, %env, %who, %matplotlib, %config, !command, "
              "and the cell magics %%time, %%timeit, %%html, %%writefile")


class UsageError(Exception):
    """A magic used wrongly, or one Pagebook does not have (IPython's name for it)."""


def translate(code, filename):
    """The cell's source with its magics as plain Python; the line count does not change."""
    if "%" not in code and "!" not in code:
        return code
    lines = code.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    if lines[first].lstrip().startswith("%%"):
        name, _, args = lines[first].lstrip()[2:].partition(" ")
        body = "\n".join(lines[first + 1:])
        call = f"{NAME}.cell({name.strip()!r}, {args.strip()!r}, {body!r}, globals(), {filename!r}, {first + 1})"
        return "\n" * first + call + "\n" * (len(lines) - 1 - first)
    global _line_pattern
    if _line_pattern is None:
        import re
        _line_pattern = re.compile(r"^([ \t]*)([%!])(\w*)(.*)$")
    candidates = [i for i, line in enumerate(lines) if _is_magic(_line_pattern.match(line))]
    if not candidates:
        return code
    starts = _statement_starts(code)
    for i in candidates:
        if starts is not None and i not in starts:
            continue  # inside a string or brackets: "%d items" in a docstring stays text
        indent, sigil, name, rest = _line_pattern.match(lines[i]).groups()
        if sigil == "!":
            lines[i] = f"{indent}{NAME}.system({(name + rest).strip()!r})"
        else:
            lines[i] = f"{indent}{NAME}.line({name!r}, {rest.strip()!r}, globals(), locals())"
    return "\n".join(lines)


def _is_magic(match):
    return match is not None and (match.group(2) == "!" or bool(match.group(3)))


def _statement_starts(code):
    """0-based numbers of the lines where a statement starts; None if the code cannot be tokenized."""
    import io
    import tokenize
    starts = set()
    at_start = True
    depth = 0  # inside brackets a line break is no new statement
    try:
        for token in tokenize.generate_tokens(io.StringIO(code).readline):
            if token.type == tokenize.NEWLINE or (token.type == tokenize.NL and depth == 0):
                at_start = True
            elif token.type in (tokenize.NL, tokenize.INDENT, tokenize.DEDENT, tokenize.COMMENT):
                continue
            else:
                if at_start:
                    starts.add(token.start[0] - 1)
                at_start = False
                if token.type == tokenize.OP and token.string in "([{":
                    depth += 1
                elif token.type == tokenize.OP and token.string in ")]}":
                    depth = max(0, depth - 1)
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return None
    return starts


def _format_time(seconds):
    """Like IPython's: three significant digits in s, ms, µs or ns."""
    if seconds >= 1:
        return f"{seconds:.3g} s"
    for unit, scale in (("ms", 1e3), ("µs", 1e6)):
        if seconds * scale >= 1:
            return f"{seconds * scale:.3g} {unit}"
    return f"{seconds * 1e9:.3g} ns"


def _split_options(args, flags):
    """IPython-style leading options ({"-n": "10"} from "-n 10 -r3 f(x)") and the statement after them."""
    import re
    options = {}
    rest = args.strip()
    while True:
        match = re.match(r"^(%s)\s*(\d+)\s*(.*)$" % "|".join(flags), rest, re.S)
        if not match:
            return options, rest
        options[match.group(1)] = match.group(2)
        rest = match.group(3).strip()


class Magics:
    """What the translated lines call. The runtime gives what differs between kernel and page."""

    def __init__(self, pip, system, configure=None, display_html=None):
        self._pip = pip
        self._system = system
        self._configure = configure
        self._display_html = display_html

    # ---- line magics -------------------------------------------------------------------------

    def line(self, name, args, namespace, local_names=None):
        """A line magic; inside a function its statement sees the function's variables too."""
        handler = getattr(self, "_line_" + name, None)
        if handler is None:
            raise UsageError(f"Line magic function `%{name}` not found. Pagebook has {_SUPPORTED}.")
        if local_names is not None and local_names is not namespace:
            namespace = {**namespace, **local_names}
        return handler(args, namespace)

    def system(self, command):
        """!command, with {expression} and $name filled in from the caller's variables as in IPython."""
        caller = sys._getframe(1)
        command = _expand(command, {**caller.f_globals, **caller.f_locals})
        if command.split(None, 1)[0:1] == ["pip"]:
            return self._pip(command.split()[1:])
        return self._system(command)

    def _line_pip(self, args, namespace):
        return self._pip(args.split())

    def _line_time(self, args, namespace):
        code, is_expression = _compile_statement(args, "<timed exec>")
        value = _timed(lambda: (eval if is_expression else exec)(code, namespace))
        return value if is_expression else None

    def _line_timeit(self, args, namespace):
        options, statement = _split_options(args, ("-n", "-r"))
        if not statement:
            raise UsageError("%timeit needs a statement, e.g. %timeit sum(range(100))")
        _timeit(statement, "pass", namespace, options)

    def _line_matplotlib(self, args, namespace):
        return None  # figures are always shown inline

    def _line_config(self, args, namespace):
        if self._configure is None:
            print(f"%config {args}: ignored here", file=sys.stderr)
            return None
        return self._configure(args)

    def _line_pwd(self, args, namespace):
        import os
        return os.getcwd()

    def _line_cd(self, args, namespace):
        import os
        os.chdir(os.path.expanduser(args.strip().strip("'\"") or "~"))
        print(os.getcwd())

    def _line_env(self, args, namespace):
        import os
        args = args.strip()
        if not args:
            return dict(os.environ)
        name, sep, value = args.partition("=")
        if not sep:
            name, _, value = args.partition(" ")
            if not value:
                return os.environ.get(name)
        os.environ[name.strip()] = value.strip()
        print(f"env: {name.strip()}={value.strip()}")
        return None

    def _line_who(self, args, namespace):
        names = sorted(n for n in namespace if not n.startswith("_") and n not in _HIDDEN
                       and not (n in ("In", "Out", "exit", "quit", "get_ipython", "display")))
        print("\t".join(names) if names else "Interactive namespace is empty.")

    def _line_load_ext(self, args, namespace):
        print(f"%load_ext {args}: IPython extensions do not run in Pagebook; ignored", file=sys.stderr)

    def _line_autoreload(self, args, namespace):
        print("%autoreload: not available in Pagebook; restart the kernel to reload changed modules",
              file=sys.stderr)

    # ---- cell magics -------------------------------------------------------------------------

    def cell(self, name, args, body, namespace, filename, magic_line=1):
        """A cell magic; body is the cell below line magic_line (1-based), the magic's own."""
        handler = getattr(self, "_cell_" + name, None)
        if handler is None:
            raise UsageError(f"Cell magic `%%{name}` not found. Pagebook has {_SUPPORTED}.")
        return handler(args, body, namespace, filename, magic_line)

    def _cell_time(self, args, body, namespace, filename, magic_line):
        return _timed(lambda: _run_body(body, namespace, filename, magic_line))

    def _cell_timeit(self, args, body, namespace, filename, magic_line):
        options, setup = _split_options(args, ("-n", "-r"))
        _timeit(body, setup or "pass", namespace, options)

    def _cell_html(self, args, body, namespace, filename, magic_line):
        if self._display_html is None:
            raise UsageError("%%html cannot show HTML here")
        self._display_html(body)

    def _cell_writefile(self, args, body, namespace, filename, magic_line):
        import os
        append = args.startswith("-a ")
        path = os.path.expanduser((args[3:] if append else args).strip().strip("'\""))
        if not path:
            raise UsageError("%%writefile needs a file name, e.g. %%writefile helpers.py")
        existed = os.path.exists(path)
        with open(path, "a" if append else "w", encoding="utf-8") as file:
            file.write(body if body.endswith("\n") else body + "\n")
        print(f"{'Appending to' if append else 'Overwriting' if existed else 'Writing'} {path}")


def line_magic_names():
    return sorted(name[len("_line_"):] for name in dir(Magics) if name.startswith("_line_"))


def cell_magic_names():
    return sorted(name[len("_cell_"):] for name in dir(Magics) if name.startswith("_cell_"))


_HIDDEN = {NAME, "__builtins__", "__name__", "__doc__"}


def _expand(command, names):
    """{expr} and $name from Python; what is no Python (awk's {print $1}, $HOME) stays for the shell."""
    import re

    def evaluated(match):
        try:
            return str(eval(match.group(1), names))
        except Exception:
            return match.group(0)

    command = re.sub(r"(?<!\{)\{([^{}]+)\}(?!\})", evaluated, command)
    return re.sub(r"(?<!\$)\$([A-Za-z_]\w*)",
                  lambda m: str(names[m.group(1)]) if m.group(1) in names else m.group(0), command)


def _compile_statement(source, filename):
    try:
        return compile(source, filename, "eval"), True
    except SyntaxError:
        return compile(source, filename, "exec"), False


def _run_body(body, namespace, filename, magic_line):
    """The cell below its %% line, with the cell's own line numbers; its last expression's value."""
    import ast
    tree = ast.parse(body, filename)
    ast.increment_lineno(tree, magic_line)
    last = None
    if tree.body and isinstance(tree.body[-1], ast.Expr) and not body.rstrip().endswith(";"):
        last = ast.Expression(tree.body.pop().value)
    exec(compile(tree, filename, "exec"), namespace)
    return eval(compile(last, filename, "eval"), namespace) if last is not None else None


# The cell's own thread in the kernel (the JVM's compiler threads are not the cell's work);
# Pyodide has no thread_time.
_cpu_time = getattr(time, "thread_time", time.process_time)


def _timed(run):
    cpu, wall = _cpu_time(), time.perf_counter()
    try:
        return run()
    finally:
        cpu, wall = _cpu_time() - cpu, time.perf_counter() - wall
        print(f"CPU times: total: {_format_time(cpu)}\nWall time: {_format_time(wall)}")


def _timeit(statement, setup, namespace, options):
    import statistics
    import timeit
    timer = timeit.Timer(statement, setup, globals=namespace)
    number = int(options.get("-n", 0))
    repeat = int(options.get("-r", 7))
    if number <= 0:
        # As IPython: loops growing by ten until one repeat takes at least 0.2 s.
        number = 1
        while number < 10 ** 9:
            if timer.timeit(number) >= 0.2:
                break
            number *= 10
    per_loop = [t / number for t in timer.repeat(repeat, number)]
    mean = statistics.fmean(per_loop)
    spread = statistics.pstdev(per_loop) if len(per_loop) > 1 else 0.0
    runs = "run" if repeat == 1 else "runs"
    loops = "loop" if number == 1 else "loops"
    print(f"{_format_time(mean)} ± {_format_time(spread)} per loop "
          f"(mean ± std. dev. of {repeat} {runs}, {number:,} {loops} each)")
