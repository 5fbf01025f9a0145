"""PyScript's display(): a str is escaped text, HTML() is raw, other objects use their _repr_*_."""
import html as _html

from pagebook_kernel import channel, display as rich


class HTML:
    def __init__(self, html):
        self._html = html

    def _repr_html_(self):
        return self._html

    def __repr__(self):
        return f"HTML({self._html!r})"


def _as_html(value):
    """The HTML PyScript would insert for value (its _repr_*_ precedence)."""
    if isinstance(value, str):
        return _html.escape(value)
    data, _ = rich.format_bundle(value)
    if "text/html" in data:
        return data["text/html"]
    if "image/svg+xml" in data:
        return data["image/svg+xml"]
    for mime in ("image/png", "image/jpeg"):
        if mime in data:
            return f'<img src="data:{mime};base64,{data[mime]}">'
    return _html.escape(data["text/plain"])


def display(*values, target=None, append=True):
    if target is None:
        for value in values:
            if isinstance(value, str):
                channel.display_data({"text/plain": value}, {})
            else:
                data, metadata = rich.format_bundle(value)
                channel.display_data(data, metadata)
        return
    from pyscript._dom import Element, bridge
    element_id = target[1:] if target.startswith("#") else target
    found = bridge().select(None, f"#{element_id}")
    if not found:
        raise ValueError(f"Invalid selector with id={element_id}. Cannot be found in the page.")
    element = Element(found[0])
    if not append:
        element.innerHTML = ""
    for value in values:
        if append:
            child = Element(bridge().createElement("div"))
            child.innerHTML = _as_html(value)
            element.appendChild(child)
        else:
            element.innerHTML = element.innerHTML + _as_html(value)
