"""The one link to the Java kernel: outputs leave the Python side only through here."""
import json

_host = None
page_config_json = "{}"
shell = None  # the Shell running cells, set by boot.start


def attach(host, config_json):
    global _host, page_config_json
    _host = host
    page_config_json = config_json or "{}"


def stream(name, text):
    """False once the cell's output cap is reached: the caller can stop producing text."""
    return _host.stream(name, text)


def display_data(data, metadata, result_count=None):
    payload = json.dumps(data)
    meta = json.dumps(metadata or {})
    if result_count is None:
        _host.displayData(payload, meta)
    else:
        _host.executeResult(result_count, payload, meta)


def error(ename, evalue, traceback_lines):
    _host.error(ename, evalue, json.dumps(traceback_lines))


def clear_output(wait=False):
    _host.clearOutput(bool(wait))


def pip(args):
    return _host.pip(json.dumps(list(args)))


def dom():
    return _host.dom()
