package dev.pagebook.format.model;

import java.util.List;
import java.util.Map;

/**
 * One output of a Python cell, following nbformat 4 / the Jupyter messaging model so that
 * outputs round-trip through .ipynb unchanged.
 *
 * <p>MIME bundles map a MIME type to its text: images are base64, {@code application/json} is
 * JSON text. Insertion order is kept (the first type is the preferred rendering).
 */
public sealed interface Output {

    /** stdout/stderr text; consecutive chunks of the same stream may be merged by a consumer. */
    record Stream(String name, String text) implements Output {
        public static final String STDOUT = "stdout";
        public static final String STDERR = "stderr";

        public Stream {
            if (!STDOUT.equals(name) && !STDERR.equals(name)) {
                throw new IllegalArgumentException("stream name must be stdout or stderr, not " + name);
            }
            text = text == null ? "" : text;
        }
    }

    /** A value shown with {@code display()} (or a matplotlib figure). */
    record DisplayData(Map<String, String> data, Map<String, Object> metadata) implements Output {
        public DisplayData {
            data = orderedCopy(data);
            metadata = metadata == null ? Map.of() : metadata;
        }
    }

    /** The value of a cell's last expression. */
    record ExecuteResult(int executionCount, Map<String, String> data, Map<String, Object> metadata)
            implements Output {
        public ExecuteResult {
            data = orderedCopy(data);
            metadata = metadata == null ? Map.of() : metadata;
        }
    }

    /** An exception that ended the cell; traceback lines are numbered as the cell's own lines. */
    record Error(String ename, String evalue, List<String> traceback) implements Output {
        public Error {
            traceback = traceback == null ? List.of() : List.copyOf(traceback);
        }
    }

    private static Map<String, String> orderedCopy(Map<String, String> data) {
        if (data == null || data.isEmpty()) {
            throw new IllegalArgumentException("a MIME bundle needs at least one representation");
        }
        return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
    }
}
