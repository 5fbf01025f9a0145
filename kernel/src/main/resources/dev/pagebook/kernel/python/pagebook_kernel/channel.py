"""The one link to the Java kernel: outputs leave the Python side only through here."""

_host = None
page_config_json = "{}"
shell = None  # the Shell running cells, set by boot.start


def _json_dumps():
    # json.dumps's own C encoder, without importing the json package: that package pulls in re
    # and enum, about half a second of a GraalPy kernel's start before its first result.
    try:
        from _json import encode_basestring_ascii, make_encoder
    except ImportError:
        from json import dumps
        return dumps

    def unserializable(obj):
        raise TypeError(f"Object of type {type(obj).__name__} is not JSON serializable")

    def dumps(obj):
        encode = make_encoder({}, unserializable, encode_basestring_ascii, None, ": ", ", ", False, False, True)
        return "".join(encode(obj, 0))
    return dumps


dumps = _json_dumps()


def attach(host, config_json):
    global _host, page_config_json
    _host = host
    page_config_json = config_json or "{}"


def stream(name, text):
    """False once the cell's output cap is reached: the caller can stop producing text."""
    return _host.stream(name, text)


def display_data(data, metadata, result_count=None):
    payload = dumps(data)
    meta = dumps(metadata or {})
    if result_count is None:
        _host.displayData(payload, meta)
    else:
        _host.executeResult(result_count, payload, meta)


def error(ename, evalue, traceback_lines):
    _host.error(ename, evalue, dumps(traceback_lines))


def clear_output(wait=False):
    _host.clearOutput(bool(wait))


def input_line(prompt, password=False):
    """input() and getpass(): the line the user types in answer to prompt (EOFError if nobody can)."""
    _host.requestInput(prompt, bool(password))
    while True:
        # Short waits: between them the cell can be interrupted.
        state, text = _host.awaitInput(100)
        if state == "value":
            return text
        if state == "error":
            raise EOFError(f"input() got no answer: {text}")


def pip(args):
    return _host.pip(dumps(list(args)))


def dom():
    return _host.dom()
