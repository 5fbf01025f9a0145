package dev.pagebook.kernel.dom;

import java.util.Map;

/**
 * A {@link DomBridge} that remembers which page elements cells changed. After each cell the
 * kernel records every change as a {@code display_data} output of that cell (text/html, with
 * metadata {@code {"pagebook": {"target": ID}}}), so the saved notebook keeps what the cell drew
 * without editing the page's HTML cells.
 */
public interface DomChangeLog {

    /** Element id → its new inner HTML, for changes since the last call; clears the log. */
    Map<String, String> drainChanges();
}
