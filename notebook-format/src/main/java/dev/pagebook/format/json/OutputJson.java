package dev.pagebook.format.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pagebook.format.model.Output;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts {@link Output}s to and from their nbformat 4 JSON form. */
public final class OutputJson {
    private OutputJson() {
    }

    private static final ObjectMapper PLAIN = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** How multi-line strings are written: one string (Pagebook pages) or a list of lines (.ipynb files). */
    public enum Lines { JOINED, SPLIT }

    public static ArrayNode toJson(List<Output> outputs, Lines lines) {
        ArrayNode array = NODES.arrayNode();
        for (Output output : outputs) {
            array.add(toJson(output, lines));
        }
        return array;
    }

    public static ObjectNode toJson(Output output, Lines lines) {
        ObjectNode node = NODES.objectNode();
        switch (output) {
            case Output.Stream s -> {
                node.put("output_type", "stream");
                node.put("name", s.name());
                node.set("text", text(s.text(), lines));
            }
            case Output.DisplayData d -> {
                node.put("output_type", "display_data");
                node.set("data", bundle(d.data(), lines));
                node.set("metadata", PLAIN.valueToTree(d.metadata()));
            }
            case Output.ExecuteResult r -> {
                node.put("output_type", "execute_result");
                node.put("execution_count", r.executionCount());
                node.set("data", bundle(r.data(), lines));
                node.set("metadata", PLAIN.valueToTree(r.metadata()));
            }
            case Output.Error e -> {
                node.put("output_type", "error");
                node.put("ename", e.ename());
                node.put("evalue", e.evalue());
                ArrayNode traceback = node.putArray("traceback");
                e.traceback().forEach(traceback::add);
            }
        }
        return node;
    }

    /** Parses an nbformat outputs list; the exception message says which output is wrong and why. */
    public static List<Output> listFromJson(JsonNode array) {
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new IllegalArgumentException("outputs must be a JSON array");
        }
        List<Output> outputs = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            try {
                outputs.add(fromJson(array.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("output " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return outputs;
    }

    public static Output fromJson(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("an output must be a JSON object");
        }
        String type = node.path("output_type").asText("");
        return switch (type) {
            case "stream" -> new Output.Stream(node.path("name").asText(""), joined(node.get("text")));
            case "display_data" -> new Output.DisplayData(bundle(node.get("data")), map(node.get("metadata")));
            case "execute_result" -> new Output.ExecuteResult(node.path("execution_count").asInt(0),
                    bundle(node.get("data")), map(node.get("metadata")));
            case "error" -> {
                List<String> traceback = new ArrayList<>();
                node.path("traceback").forEach(line -> traceback.add(line.asText()));
                yield new Output.Error(node.path("ename").asText(""), node.path("evalue").asText(""), traceback);
            }
            case "" -> throw new IllegalArgumentException("missing output_type");
            default -> throw new IllegalArgumentException("unknown output_type '" + type + "'");
        };
    }

    /** nbformat's multi-line string: a string or a list of strings (joined as is). */
    public static String joined(JsonNode node) {
        if (node == null || node.isNull()) {
            return "";
        }
        if (node.isArray()) {
            StringBuilder sb = new StringBuilder();
            node.forEach(part -> sb.append(part.asText()));
            return sb.toString();
        }
        if (!node.isTextual()) {
            throw new IllegalArgumentException("expected a string or a list of strings, not " + node.getNodeType());
        }
        return node.asText();
    }

    /** A string as nbformat writes it: a list of lines, each but the last ending in "\n". */
    public static JsonNode text(String text, Lines lines) {
        if (lines == Lines.JOINED) {
            return NODES.textNode(text);
        }
        ArrayNode array = NODES.arrayNode();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                array.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            array.add(text.substring(start));
        }
        return array;
    }

    public static boolean isJsonMime(String mime) {
        return mime.equals("application/json") || mime.endsWith("+json");
    }

    private static ObjectNode bundle(Map<String, String> data, Lines lines) {
        ObjectNode node = NODES.objectNode();
        data.forEach((mime, value) -> {
            if (isJsonMime(mime)) {
                try {
                    node.set(mime, PLAIN.readTree(value));
                    return;
                } catch (JsonProcessingException e) {
                    // Not valid JSON after all: keep the text rather than lose it.
                }
            }
            node.set(mime, mime.startsWith("image/") && !mime.equals("image/svg+xml")
                    ? NODES.textNode(value) : text(value, lines));
        });
        return node;
    }

    private static Map<String, String> bundle(JsonNode data) {
        if (data == null || !data.isObject() || data.isEmpty()) {
            throw new IllegalArgumentException("data must be a non-empty MIME bundle object");
        }
        Map<String, String> bundle = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : data.properties()) {
            JsonNode value = field.getValue();
            // nbformat stores JSON MIME types as JSON values, everything else as (multi-line) text.
            if (isJsonMime(field.getKey())) {
                bundle.put(field.getKey(), value.toString());
            } else {
                bundle.put(field.getKey(), joined(value));
            }
        }
        return bundle;
    }

    /** A JSON metadata object as a map (empty for null); anything but an object is refused. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(JsonNode node) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("metadata must be a JSON object");
        }
        return PLAIN.convertValue(node, LinkedHashMap.class);
    }
}
