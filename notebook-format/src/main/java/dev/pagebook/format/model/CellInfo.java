package dev.pagebook.format.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-cell facts kept in the page's metadata rather than in the cell element.
 *
 * @param started        when the last run started, null if unknown
 * @param durationMillis how long the last run took, null if unknown
 * @param ipynbMetadata  the cell's .ipynb {@code metadata} (tags, collapsed, ...), kept for export
 */
public record CellInfo(Instant started, Long durationMillis, Map<String, Object> ipynbMetadata) {
    public static final CellInfo EMPTY = new CellInfo(null, null, Map.of());

    public CellInfo {
        ipynbMetadata = ipynbMetadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(ipynbMetadata));
    }

    public CellInfo withTiming(Instant newStarted, Long newDurationMillis) {
        return new CellInfo(newStarted, newDurationMillis, ipynbMetadata);
    }

    public boolean isEmpty() {
        return started == null && durationMillis == null && ipynbMetadata.isEmpty();
    }
}
