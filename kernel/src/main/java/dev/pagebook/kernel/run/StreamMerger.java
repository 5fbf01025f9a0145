package dev.pagebook.kernel.run;

import dev.pagebook.format.model.Output;
import java.util.ArrayList;
import java.util.List;

/** Joins consecutive chunks of the same stream into one output, as nbformat stores them. */
public final class StreamMerger {

    private StreamMerger() {
    }

    public static List<Output> merge(List<Output> outputs) {
        List<Output> merged = new ArrayList<>();
        for (Output output : outputs) {
            if (output instanceof Output.Stream s && !merged.isEmpty()
                    && merged.get(merged.size() - 1) instanceof Output.Stream last && last.name().equals(s.name())) {
                merged.set(merged.size() - 1, new Output.Stream(s.name(), last.text() + s.text()));
            } else {
                merged.add(output);
            }
        }
        return merged;
    }
}
