package dev.pagebook.kernel.dom;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link DomBridge} whose every method is one named operation on a page elsewhere (the
 * preview's script, or the app as seen from a kernel host), answered as JSON.
 */
public abstract class ForwardingDomBridge implements DomBridge {

    /**
     * Runs {@code operation} (a {@link DomBridge} method's name) with {@code args} and returns its
     * answer (null for none); an unknown handle is an {@link IllegalArgumentException}.
     */
    protected abstract JsonNode call(String operation, Object... args);

    protected static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    protected static List<String> list(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null) {
            node.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    @Override
    public List<String> select(String scope, String cssSelector) {
        return list(call("select", scope, cssSelector));
    }

    @Override
    public String createElement(String tagName) {
        return text(call("createElement", tagName));
    }

    @Override
    public String getProperty(String handle, String name) {
        return text(call("getProperty", handle, name));
    }

    @Override
    public void setProperty(String handle, String name, String value) {
        call("setProperty", handle, name, value);
    }

    @Override
    public String getAttribute(String handle, String name) {
        return text(call("getAttribute", handle, name));
    }

    @Override
    public void setAttribute(String handle, String name, String value) {
        call("setAttribute", handle, name, value);
    }

    @Override
    public void removeAttribute(String handle, String name) {
        call("removeAttribute", handle, name);
    }

    @Override
    public void appendChild(String parent, String child) {
        call("appendChild", parent, child);
    }

    @Override
    public void insertBefore(String parent, String node, String reference) {
        call("insertBefore", parent, node, reference);
    }

    @Override
    public void removeElement(String handle) {
        call("removeElement", handle);
    }

    @Override
    public String parent(String handle) {
        return text(call("parent", handle));
    }

    @Override
    public List<String> children(String handle) {
        return list(call("children", handle));
    }

    @Override
    public boolean matches(String handle, String cssSelector) {
        JsonNode answer = call("matches", handle, cssSelector);
        return answer != null && answer.asBoolean();
    }

    @Override
    public void listen(String handle, String eventType) {
        call("listen", handle, eventType);
    }

    @Override
    public String pageProperty(String name) {
        return text(call("pageProperty", name));
    }

    @Override
    public void message(String kind, String text) {
        call("message", kind, text);
    }
}
