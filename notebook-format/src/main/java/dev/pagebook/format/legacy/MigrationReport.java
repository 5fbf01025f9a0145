package dev.pagebook.format.legacy;

import java.util.List;

/** Every change the migration of a legacy PyScript page made, in page order. */
public record MigrationReport(List<Change> changes) {

    /** One change; {@code line} is the 1-based line in the original page. */
    public record Change(int line, String description) {
    }

    public MigrationReport {
        changes = List.copyOf(changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** One change per line: {@code line 12: <py-env> -> <py-config> (packages: numpy, matplotlib)}. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        for (Change change : changes) {
            sb.append("line ").append(change.line()).append(": ").append(change.description()).append('\n');
        }
        return sb.toString();
    }
}
