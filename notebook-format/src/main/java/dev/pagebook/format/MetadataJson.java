package dev.pagebook.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pagebook.format.model.CellInfo;
import dev.pagebook.format.model.KernelInfo;
import dev.pagebook.format.model.NotebookMetadata;
import dev.pagebook.format.model.PythonCell;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The pagebook-metadata JSON object (schema in docs/format.md) to and from the model. */
final class MetadataJson {
    private MetadataJson() {
    }

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    /** What the metadata element says: the metadata record plus execution counts by cell id. */
    record Parsed(NotebookMetadata metadata, Map<String, Integer> executionCounts) {
    }

    static ObjectNode toTree(NotebookMetadata metadata, List<PythonCell> cells) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format_version", metadata.formatVersion());
        if (metadata.kernel() != null) {
            ObjectNode kernel = root.putObject("kernel");
            kernel.put("name", metadata.kernel().name());
            putIfPresent(kernel, "version", metadata.kernel().version());
            putIfPresent(kernel, "language_version", metadata.kernel().languageVersion());
        }
        Set<String> ids = new LinkedHashSet<>();
        Map<String, Integer> counts = new HashMap<>();
        for (PythonCell cell : cells) {
            if (cell.executionCount() != null || metadata.cells().containsKey(cell.id())) {
                ids.add(cell.id());
                counts.put(cell.id(), cell.executionCount());
            }
        }
        ids.addAll(metadata.cells().keySet());
        if (!ids.isEmpty()) {
            ObjectNode cellsNode = root.putObject("cells");
            for (String id : ids) {
                ObjectNode entry = cellsNode.putObject(id);
                Integer count = counts.get(id);
                if (count != null) {
                    entry.put("execution_count", count);
                }
                CellInfo info = metadata.cell(id);
                if (info.started() != null) {
                    entry.put("started", info.started().toString());
                }
                if (info.durationMillis() != null) {
                    entry.put("duration_ms", info.durationMillis());
                }
                if (!info.ipynbMetadata().isEmpty()) {
                    entry.set("ipynb_metadata", MAPPER.valueToTree(info.ipynbMetadata()));
                }
            }
        }
        if (!metadata.ipynb().isEmpty()) {
            root.set("ipynb", MAPPER.valueToTree(metadata.ipynb()));
        }
        metadata.extra().forEach((k, v) -> root.set(k, MAPPER.valueToTree(v)));
        return root;
    }

    /** True when the tree holds nothing beyond the format version: such metadata is not worth adding to a page. */
    static boolean isTrivial(ObjectNode tree) {
        return tree.size() == 1 && tree.has("format_version");
    }

    /** @throws IllegalArgumentException with a one-line reason */
    @SuppressWarnings("unchecked")
    static Parsed fromTree(JsonNode root) {
        if (!root.isObject()) {
            throw new IllegalArgumentException("must be a JSON object");
        }
        int version = root.has("format_version") ? root.get("format_version").asInt(-1) : 1;
        if (version < 1) {
            throw new IllegalArgumentException("format_version must be a positive integer");
        }
        if (version > NotebookMetadata.CURRENT_FORMAT_VERSION) {
            throw new IllegalArgumentException("format_version " + version + " is newer than this Pagebook understands ("
                    + NotebookMetadata.CURRENT_FORMAT_VERSION + ")");
        }
        KernelInfo kernel = null;
        JsonNode kernelNode = root.get("kernel");
        if (kernelNode != null && kernelNode.isObject()) {
            kernel = new KernelInfo(kernelNode.path("name").asText(""), text(kernelNode.get("version")),
                    text(kernelNode.get("language_version")));
        }
        Map<String, CellInfo> cells = new LinkedHashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        JsonNode cellsNode = root.get("cells");
        if (cellsNode != null) {
            if (!cellsNode.isObject()) {
                throw new IllegalArgumentException("'cells' must be an object keyed by cell id");
            }
            for (Map.Entry<String, JsonNode> field : cellsNode.properties()) {
                JsonNode entry = field.getValue();
                if (entry.hasNonNull("execution_count")) {
                    counts.put(field.getKey(), entry.get("execution_count").asInt());
                }
                Instant started = null;
                if (entry.hasNonNull("started")) {
                    try {
                        started = Instant.parse(entry.get("started").asText());
                    } catch (DateTimeParseException e) {
                        throw new IllegalArgumentException("cell " + field.getKey() + ": 'started' is not an ISO-8601 instant");
                    }
                }
                Long duration = entry.hasNonNull("duration_ms") ? entry.get("duration_ms").asLong() : null;
                Map<String, Object> ipynb = entry.has("ipynb_metadata")
                        ? MAPPER.convertValue(entry.get("ipynb_metadata"), LinkedHashMap.class) : Map.of();
                cells.put(field.getKey(), new CellInfo(started, duration, ipynb));
            }
        }
        Map<String, Object> ipynb = root.has("ipynb") ? MAPPER.convertValue(root.get("ipynb"), LinkedHashMap.class) : Map.of();
        Map<String, Object> extra = new LinkedHashMap<>();
        root.properties().forEach(f -> {
            if (!Set.of("format_version", "kernel", "cells", "ipynb").contains(f.getKey())) {
                extra.put(f.getKey(), MAPPER.convertValue(f.getValue(), Object.class));
            }
        });
        // Entries that only carried an execution count live on the cell, not in CellInfo.
        cells.values().removeIf(CellInfo::isEmpty);
        return new Parsed(new NotebookMetadata(version, kernel, cells, ipynb, extra), counts);
    }

    private static void putIfPresent(ObjectNode node, String key, String value) {
        if (value != null) {
            node.put(key, value);
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
