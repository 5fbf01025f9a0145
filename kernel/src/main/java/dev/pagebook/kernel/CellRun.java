package dev.pagebook.kernel;

import dev.pagebook.format.model.Output;

/**
 * The outputs of one running cell: stream text is coalesced (a fast print loop would otherwise
 * send one output per line) and flushed when another output comes, when the cell ends, or by the
 * kernel's flusher every few milliseconds, so a slow loop still shows each line as it comes.
 * Stream text beyond the cap is dropped, with one marker saying so.
 */
final class CellRun {

    private final OutputSink sink;
    private final long streamCap;
    private final StringBuilder pending = new StringBuilder();
    private String pendingName;
    private long streamed;
    private boolean truncated;

    CellRun(OutputSink sink, long streamCap) {
        this.sink = sink;
        this.streamCap = streamCap;
    }

    /** False once the cap is reached. */
    synchronized boolean stream(String name, String text) {
        if (truncated) {
            return false;
        }
        if (pendingName != null && !pendingName.equals(name)) {
            flush();
        }
        long room = streamCap - streamed;
        if (text.length() > room) {
            pendingName = name;
            pending.append(text, 0, (int) room);
            flush();
            truncated = true;
            sink.accept(new Output.Stream(Output.Stream.STDERR,
                    "\n[output truncated: this cell printed more than " + streamCap
                            + " characters; the rest was dropped]\n"));
            return false;
        }
        streamed += text.length();
        pendingName = name;
        pending.append(text);
        if (pending.length() >= 64 * 1024) {
            flush();
        }
        return true;
    }

    synchronized void emit(Output output) {
        flush();
        sink.accept(output);
    }

    synchronized void clear() {
        pending.setLength(0);
        pendingName = null;
        sink.clear();
    }

    synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        String text = pending.toString();
        pending.setLength(0);
        sink.accept(new Output.Stream(pendingName, text));
    }
}
