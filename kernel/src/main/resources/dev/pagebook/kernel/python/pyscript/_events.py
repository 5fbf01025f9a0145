"""@when and py-* attributes: handlers the DomBridge fires through Kernel.dispatchEvent."""
import inspect

from pyscript._dom import Element, bridge

_handlers = {}  # handle -> event type -> [callables]
# (selector, event type, handler key) -> handler: bound again when the page is loaded anew
_bindings = {}


def _key(handler):
    """A handler defined again by a re-run cell replaces its old self instead of running twice."""
    name = getattr(handler, "__qualname__", None)
    if not name or "<lambda>" in name:
        return ("id", id(handler))
    return (getattr(handler, "__module__", None), name)


def _id_selector(handle):
    try:
        element_id = bridge().getAttribute(handle, "id")
    except Exception:  # noqa: BLE001 - a detached or foreign element simply can't be found again
        return None
    if not element_id:
        return None
    return '[id="' + element_id.replace("\\", "\\\\").replace('"', '\\"') + '"]'


class Event:
    def __init__(self, event_type, target, current_target):
        self.type = event_type
        self.target = target
        self.currentTarget = current_target

    def preventDefault(self):
        pass

    def stopPropagation(self):
        self._stopped = True


def _attach(handle, event_type, handler):
    key = _key(handler)
    handlers = _handlers.setdefault(handle, {}).setdefault(event_type, [])
    handlers[:] = [h for h in handlers if _key(h) != key]
    handlers.append(handler)
    bridge().listen(handle, event_type)


def add_handler(handle, event_type, handler, selector=None):
    _attach(handle, event_type, handler)
    selector = selector or _id_selector(handle)
    if selector:
        _bindings[(selector, event_type, _key(handler))] = handler


def rebind():
    """The page was loaded anew and its elements have new handles: binds every handler again."""
    _handlers.clear()
    bound = 0
    for (selector, event_type, _), handler in list(_bindings.items()):
        try:
            handles = bridge().select(None, selector)
        except Exception:  # noqa: BLE001 - a selector the new page can't parse binds nothing
            continue
        for handle in handles:
            _attach(handle, event_type, handler)
            bound += 1
    return bound


def when(event_type, selector):
    """Binds the decorated function to event_type on every element matching selector now."""
    def decorator(func):
        targets = selector if isinstance(selector, (list, tuple)) else [selector]
        for target in targets:
            if isinstance(target, Element):
                add_handler(target._handle, event_type, func)
            elif hasattr(target, "_dom_element"):
                add_handler(target._dom_element._handle, event_type, func)
            else:
                for handle in bridge().select(None, target):
                    add_handler(handle, event_type, func, selector=target)
        return func
    return decorator


def _call(handler, event):
    try:
        takes_event = bool(inspect.signature(handler).parameters)
    except (TypeError, ValueError):
        takes_event = True
    return handler(event) if takes_event else handler()


def dispatch(handle, event_type, namespace):
    """Runs the handlers for an event on handle, bubbling to its ancestors like the browser."""
    target = Element(handle)
    current = handle
    calls = 0
    while current is not None:
        element = Element(current)
        event = Event(event_type, target, element)
        for handler in list(_handlers.get(current, {}).get(event_type, ())):
            _call(handler, event)
            calls += 1
        attribute = bridge().getAttribute(current, f"py-{event_type}")
        if attribute:
            name = attribute.strip().rstrip("()")
            if name not in namespace:
                raise NameError(f"py-{event_type}=\"{attribute}\": no function named '{name}' in the kernel")
            _call(namespace[name], event)
            calls += 1
        if getattr(event, "_stopped", False):
            break
        current = bridge().parent(current)
    return calls
