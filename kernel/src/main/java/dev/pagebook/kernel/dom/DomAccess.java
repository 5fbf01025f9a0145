package dev.pagebook.kernel.dom;

import java.util.List;
import java.util.Objects;
import org.graalvm.polyglot.HostAccess;

/** What Python may call on a {@link DomBridge}: exactly its methods, nothing else of the host. */
public final class DomAccess {

    private final DomBridge bridge;

    public DomAccess(DomBridge bridge) {
        this.bridge = Objects.requireNonNull(bridge, "bridge");
    }

    @HostAccess.Export public String[] select(String scope, String selector) {
        return bridge.select(scope, selector).toArray(String[]::new);
    }

    @HostAccess.Export public String createElement(String tag) {
        return bridge.createElement(tag);
    }

    @HostAccess.Export public String getProperty(String handle, String name) {
        return bridge.getProperty(handle, name);
    }

    @HostAccess.Export public void setProperty(String handle, String name, String value) {
        bridge.setProperty(handle, name, value);
    }

    @HostAccess.Export public String getAttribute(String handle, String name) {
        return bridge.getAttribute(handle, name);
    }

    @HostAccess.Export public void setAttribute(String handle, String name, String value) {
        bridge.setAttribute(handle, name, value);
    }

    @HostAccess.Export public void removeAttribute(String handle, String name) {
        bridge.removeAttribute(handle, name);
    }

    @HostAccess.Export public void appendChild(String parent, String child) {
        bridge.appendChild(parent, child);
    }

    @HostAccess.Export public void insertBefore(String parent, String node, String reference) {
        bridge.insertBefore(parent, node, reference);
    }

    @HostAccess.Export public void removeElement(String handle) {
        bridge.removeElement(handle);
    }

    @HostAccess.Export public String parent(String handle) {
        return bridge.parent(handle);
    }

    @HostAccess.Export public String[] children(String handle) {
        List<String> children = bridge.children(handle);
        return children.toArray(String[]::new);
    }

    @HostAccess.Export public boolean matches(String handle, String selector) {
        return bridge.matches(handle, selector);
    }

    @HostAccess.Export public void listen(String handle, String eventType) {
        bridge.listen(handle, eventType);
    }

    @HostAccess.Export public String pageProperty(String name) {
        return bridge.pageProperty(name);
    }

    @HostAccess.Export public void message(String kind, String text) {
        bridge.message(kind, text);
    }
}
