package dev.pagebook.kernel.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.pagebook.kernel.dom.DomBridge;
import java.util.List;

/** The app's side of {@link RemoteDomBridge}: one host's request, answered by the app's bridge. */
final class DomCalls {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DomCalls() {
    }

    /** The answer as JSON; IllegalArgumentException (an unknown handle) passes through to Python. */
    static JsonNode invoke(DomBridge bridge, String method, JsonNode args) {
        String a = text(args, 0);
        String b = text(args, 1);
        String c = text(args, 2);
        return switch (method) {
            case "select" -> strings(bridge.select(a, b));
            case "createElement" -> NODES.textNode(bridge.createElement(a));
            case "getProperty" -> NODES.textNode(bridge.getProperty(a, b));
            case "setProperty" -> done(() -> bridge.setProperty(a, b, c));
            case "getAttribute" -> NODES.textNode(bridge.getAttribute(a, b));
            case "setAttribute" -> done(() -> bridge.setAttribute(a, b, c));
            case "removeAttribute" -> done(() -> bridge.removeAttribute(a, b));
            case "appendChild" -> done(() -> bridge.appendChild(a, b));
            case "insertBefore" -> done(() -> bridge.insertBefore(a, b, c));
            case "removeElement" -> done(() -> bridge.removeElement(a));
            case "parent" -> NODES.textNode(bridge.parent(a));
            case "children" -> strings(bridge.children(a));
            case "matches" -> NODES.booleanNode(bridge.matches(a, b));
            case "listen" -> done(() -> bridge.listen(a, b));
            case "pageProperty" -> NODES.textNode(bridge.pageProperty(a));
            case "message" -> done(() -> bridge.message(a, b));
            default -> throw new IllegalArgumentException("no such page operation: " + method);
        };
    }

    private static String text(JsonNode args, int index) {
        JsonNode arg = args.path(index);
        return arg.isTextual() ? arg.asText() : null;
    }

    private static JsonNode strings(List<String> values) {
        var array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }

    private static JsonNode done(Runnable call) {
        call.run();
        return NODES.nullNode();
    }
}
