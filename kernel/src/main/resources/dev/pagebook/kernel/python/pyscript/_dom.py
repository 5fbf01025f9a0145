"""document/window as thin wrappers over the Java DomBridge (elements are bridge handles)."""
from pagebook_kernel import channel


def bridge():
    b = channel.dom()
    if b is None:
        raise RuntimeError("this kernel has no page attached (no DomBridge)")
    return b


_PROPERTIES = ("innerHTML", "outerHTML", "textContent", "innerText", "value", "id", "className", "tagName")


class Style:
    """element.style: reads and writes the style attribute."""

    def __init__(self, element):
        object.__setattr__(self, "_element", element)

    def _items(self):
        text = self._element.getAttribute("style") or ""
        pairs = (p.split(":", 1) for p in text.split(";") if ":" in p)
        return {k.strip(): v.strip() for k, v in pairs}

    def _store(self, items):
        self._element.setAttribute("style", "; ".join(f"{k}: {v}" for k, v in items.items()))

    @staticmethod
    def _css(name):
        return "".join("-" + c.lower() if c.isupper() else c for c in name).replace("_", "-")

    def setProperty(self, name, value):
        items = self._items()
        items[name] = value
        self._store(items)

    def getPropertyValue(self, name):
        return self._items().get(name, "")

    def removeProperty(self, name):
        items = self._items()
        items.pop(name, None)
        self._store(items)

    def __getattr__(self, name):
        return self._items().get(self._css(name), "")

    def __setattr__(self, name, value):
        self.setProperty(self._css(name), value)

    # pyscript.web's style is dict-like
    def __getitem__(self, name):
        return self._items().get(name, "")

    def __setitem__(self, name, value):
        self.setProperty(name, value)

    def __delitem__(self, name):
        self.removeProperty(name)


class ClassList:
    def __init__(self, element):
        self._element = element

    def _names(self):
        return (self._element.className or "").split()

    def _store(self, names):
        self._element.className = " ".join(names)

    def add(self, *names):
        current = self._names()
        self._store(current + [n for n in names if n not in current])

    def remove(self, *names):
        self._store([n for n in self._names() if n not in names])

    def toggle(self, name):
        if name in self._names():
            self.remove(name)
            return False
        self.add(name)
        return True

    def contains(self, name):
        return name in self._names()

    def __contains__(self, name):
        return self.contains(name)

    def __iter__(self):
        return iter(self._names())

    def __len__(self):
        return len(self._names())

    def discard(self, name):
        self.remove(name)


class Element:
    """A DOM element in the style of the browser's (camelCase, as `document` returns them)."""

    def __init__(self, handle):
        object.__setattr__(self, "_handle", handle)

    def __getattr__(self, name):
        if name in _PROPERTIES:
            return bridge().getProperty(self._handle, name)
        raise AttributeError(name)

    def __setattr__(self, name, value):
        if name in _PROPERTIES:
            bridge().setProperty(self._handle, name, "" if value is None else str(value))
        else:
            object.__setattr__(self, name, value)

    def __eq__(self, other):
        return isinstance(other, Element) and other._handle == self._handle

    def __hash__(self):
        return hash(self._handle)

    def __repr__(self):
        return f"<{(self.tagName or '').lower()} id={self.id!r}>"

    @property
    def style(self):
        return Style(self)

    @property
    def classList(self):
        return ClassList(self)

    @property
    def parentElement(self):
        parent = bridge().parent(self._handle)
        return Element(parent) if parent is not None else None

    @property
    def children(self):
        return [Element(h) for h in bridge().children(self._handle)]

    def getAttribute(self, name):
        return bridge().getAttribute(self._handle, name)

    def setAttribute(self, name, value):
        bridge().setAttribute(self._handle, name, str(value))

    def removeAttribute(self, name):
        bridge().removeAttribute(self._handle, name)

    def hasAttribute(self, name):
        return self.getAttribute(name) is not None

    def appendChild(self, child):
        bridge().appendChild(self._handle, child._handle)
        return child

    def append(self, *children):
        for child in children:
            if isinstance(child, str):
                text = document.createElement("span")
                text.textContent = child
                child = text
            self.appendChild(child)

    def insertBefore(self, node, reference):
        bridge().insertBefore(self._handle, node._handle, reference._handle)
        return node

    def remove(self):
        bridge().removeElement(self._handle)

    def querySelector(self, selector):
        found = bridge().select(self._handle, selector)
        return Element(found[0]) if found else None

    def querySelectorAll(self, selector):
        return [Element(h) for h in bridge().select(self._handle, selector)]

    def matches(self, selector):
        return bridge().matches(self._handle, selector)

    def closest(self, selector):
        element = self
        while element is not None:
            if element.matches(selector):
                return element
            element = element.parentElement
        return None

    def addEventListener(self, event_type, handler, *options):
        from pyscript._events import add_handler
        add_handler(self._handle, event_type, handler)


class _Document:
    def getElementById(self, element_id):
        found = bridge().select(None, f"[id='{element_id}']")
        return Element(found[0]) if found else None

    def querySelector(self, selector):
        found = bridge().select(None, selector)
        return Element(found[0]) if found else None

    def querySelectorAll(self, selector):
        return [Element(h) for h in bridge().select(None, selector)]

    def createElement(self, tag):
        return Element(bridge().createElement(tag))

    def createTextNode(self, text):
        span = self.createElement("span")
        span.textContent = text
        return span

    @property
    def body(self):
        return self.querySelector("body")

    @property
    def head(self):
        return self.querySelector("head")

    @property
    def title(self):
        return bridge().pageProperty("title")


class _Console:
    def log(self, *args):
        bridge().message("log", " ".join(str(a) for a in args))

    def warn(self, *args):
        bridge().message("warn", " ".join(str(a) for a in args))

    def error(self, *args):
        bridge().message("error", " ".join(str(a) for a in args))


class _Location:
    @property
    def href(self):
        return bridge().pageProperty("location.href")


class _Window:
    document = None
    console = _Console()
    location = _Location()

    def alert(self, message=""):
        bridge().message("alert", str(message))


document = _Document()
window = _Window()
window.document = document
