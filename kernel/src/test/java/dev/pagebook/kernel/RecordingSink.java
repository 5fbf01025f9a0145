package dev.pagebook.kernel;

import dev.pagebook.format.model.Output;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Collects a cell's outputs with the time each arrived. */
final class RecordingSink implements OutputSink {

    record Timed(long nanos, Output output) {
    }

    private final List<Timed> outputs = new ArrayList<>();
    private int clears;

    @Override
    public synchronized void accept(Output output) {
        outputs.add(new Timed(System.nanoTime(), output));
    }

    @Override
    public synchronized void clear() {
        outputs.clear();
        clears++;
    }

    synchronized List<Output> outputs() {
        return outputs.stream().map(Timed::output).toList();
    }

    synchronized List<Timed> timed() {
        return new ArrayList<>(outputs);
    }

    synchronized int clears() {
        return clears;
    }

    synchronized String stdout() {
        return text(Output.Stream.STDOUT);
    }

    synchronized String stderr() {
        return text(Output.Stream.STDERR);
    }

    private String text(String name) {
        return outputs.stream().map(Timed::output)
                .filter(o -> o instanceof Output.Stream s && s.name().equals(name))
                .map(o -> ((Output.Stream) o).text()).collect(Collectors.joining());
    }

    synchronized <T extends Output> List<T> all(Class<T> type) {
        return outputs.stream().map(Timed::output).filter(type::isInstance).map(type::cast).toList();
    }

    synchronized Output.Error error() {
        List<Output.Error> errors = all(Output.Error.class);
        if (errors.size() != 1) {
            throw new AssertionError("expected one error, got " + outputs());
        }
        return errors.get(0);
    }
}
