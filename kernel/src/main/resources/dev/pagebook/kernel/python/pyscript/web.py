"""pyscript.web basics: page[...], page.find, Element (innerHTML, classes, style), element creation."""
from pyscript._dom import Element as _DomElement, bridge as _bridge
from pyscript._events import add_handler as _add_handler


def _wrap(handle):
    return Element(_DomElement(handle))


class Classes:
    """element.classes: a set of class names written back to the element."""

    def __init__(self, dom):
        self._list = dom.classList

    def add(self, name):
        self._list.add(name)

    def remove(self, name):
        self._list.remove(name)

    def discard(self, name):
        self._list.remove(name)

    def toggle(self, name):
        return self._list.toggle(name)

    def __contains__(self, name):
        return name in self._list

    def __iter__(self):
        return iter(list(self._list))

    def __len__(self):
        return len(self._list)

    def __repr__(self):
        return repr(set(self._list))


class Element:
    def __init__(self, dom):
        object.__setattr__(self, "_dom_element", dom)

    _PROPERTIES = ("innerHTML", "textContent", "innerText", "value", "id", "tagName", "outerHTML")

    def __getattr__(self, name):
        if name in Element._PROPERTIES:
            return getattr(self._dom_element, name)
        if name == "html":
            return self._dom_element.innerHTML
        if name == "text":
            return self._dom_element.textContent
        raise AttributeError(name)

    def __setattr__(self, name, value):
        if name in Element._PROPERTIES:
            setattr(self._dom_element, name, value)
        elif name == "html":
            self._dom_element.innerHTML = value
        elif name == "text":
            self._dom_element.textContent = value
        else:
            object.__setattr__(self, name, value)

    def __eq__(self, other):
        return isinstance(other, Element) and other._dom_element == self._dom_element

    def __hash__(self):
        return hash(self._dom_element)

    def __repr__(self):
        return f"<Element {self._dom_element!r}>"

    @property
    def classes(self):
        return Classes(self._dom_element)

    @property
    def style(self):
        return self._dom_element.style

    @property
    def parent(self):
        parent = self._dom_element.parentElement
        return Element(parent) if parent is not None else None

    @property
    def children(self):
        return ElementCollection([Element(c) for c in self._dom_element.children])

    def find(self, selector):
        return ElementCollection([Element(e) for e in self._dom_element.querySelectorAll(selector)])

    def __getitem__(self, selector):
        return self.find(selector)

    def append(self, *items):
        for item in items:
            if isinstance(item, Element):
                self._dom_element.appendChild(item._dom_element)
            elif isinstance(item, _DomElement):
                self._dom_element.appendChild(item)
            else:
                self._dom_element.append(str(item))

    def remove(self):
        self._dom_element.remove()

    def update_attr(self, name, value):
        self._dom_element.setAttribute(name, value)

    def on(self, event_type):
        def decorator(func):
            _add_handler(self._dom_element._handle, event_type, func)
            return func
        return decorator


class ElementCollection:
    def __init__(self, elements):
        self._elements = list(elements)

    def __getitem__(self, key):
        if isinstance(key, (int, slice)):
            result = self._elements[key]
            return ElementCollection(result) if isinstance(key, slice) else result
        return ElementCollection([found for e in self._elements for found in e.find(key)])

    def __iter__(self):
        return iter(self._elements)

    def __len__(self):
        return len(self._elements)

    def __bool__(self):
        return bool(self._elements)

    def __repr__(self):
        return f"ElementCollection({self._elements!r})"

    @property
    def elements(self):
        return list(self._elements)

    def find(self, selector):
        return self[selector]

    def __getattr__(self, name):
        if name in Element._PROPERTIES or name in ("html", "text"):
            return getattr(self._elements[0], name) if self._elements else None
        raise AttributeError(name)

    def __setattr__(self, name, value):
        if name in Element._PROPERTIES or name in ("html", "text"):
            for e in self._elements:
                setattr(e, name, value)
        else:
            object.__setattr__(self, name, value)

    @property
    def classes(self):
        return _CollectionClasses(self._elements)


class _CollectionClasses:
    def __init__(self, elements):
        self._elements = elements

    def add(self, name):
        for e in self._elements:
            e.classes.add(name)

    def remove(self, name):
        for e in self._elements:
            e.classes.remove(name)


class _Page:
    def __getitem__(self, selector):
        return self.find(selector)

    def find(self, selector):
        return ElementCollection([_wrap(h) for h in _bridge().select(None, selector)])

    @property
    def body(self):
        return self.find("body")[0]

    @property
    def head(self):
        return self.find("head")[0]

    @property
    def title(self):
        return _bridge().pageProperty("title")

    def append(self, *items):
        self.body.append(*items)


page = _Page()


def _make(tag):
    def create(*children, classes=None, style=None, **attributes):
        element = Element(_DomElement(_bridge().createElement(tag)))
        for child in children:
            if isinstance(child, (Element, _DomElement)):
                element.append(child)
            else:
                element.append(str(child))
        for name in ([classes] if isinstance(classes, str) else classes or []):
            element.classes.add(name)
        for key, value in (style or {}).items():
            element.style[key] = value
        for key, value in attributes.items():
            key = key.rstrip("_").replace("_", "-")
            if key in ("html", "innerHTML"):
                element.innerHTML = value
            elif key in ("text", "textContent"):
                element.textContent = value
            else:
                element.update_attr(key, value)
        return element
    create.__name__ = tag
    return create


_TAGS = ("a", "article", "aside", "b", "blockquote", "br", "button", "canvas", "code", "details", "div",
         "em", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "img", "input",
         "label", "li", "main", "nav", "ol", "option", "p", "pre", "section", "select", "small", "span",
         "strong", "summary", "table", "tbody", "td", "textarea", "th", "thead", "tr", "ul")
for _tag in _TAGS:
    globals()[_tag] = _make(_tag)
del _tag
