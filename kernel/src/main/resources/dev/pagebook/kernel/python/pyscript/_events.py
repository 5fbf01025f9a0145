"""@when and py-* attributes: handlers the DomBridge fires through Kernel.dispatchEvent."""
import inspect

from pyscript._dom import Element, bridge

_handlers = {}  # handle -> event type -> [callables]


class Event:
    def __init__(self, event_type, target, current_target):
        self.type = event_type
        self.target = target
        self.currentTarget = current_target

    def preventDefault(self):
        pass

    def stopPropagation(self):
        self._stopped = True


def add_handler(handle, event_type, handler):
    _handlers.setdefault(handle, {}).setdefault(event_type, []).append(handler)
    bridge().listen(handle, event_type)


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
                    add_handler(handle, event_type, func)
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
