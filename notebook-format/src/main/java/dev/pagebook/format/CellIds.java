package dev.pagebook.format;

import java.util.Set;

/** Cell ids assigned by Pagebook: {@code cell-N}, the first N that nothing in the page uses. */
final class CellIds {
    private CellIds() {
    }

    static String firstFree(Set<String> taken, int from) {
        for (int n = Math.max(1, from); ; n++) {
            String id = "cell-" + n;
            if (!taken.contains(id) && !taken.contains(id + "-output")) {
                return id;
            }
        }
    }
}
