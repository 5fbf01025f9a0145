package dev.pagebook.kernel;

import dev.pagebook.format.model.Output;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
    private CompletableFuture<String> input;

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

    /** Asks the sink for a line of input; the cell then polls {@link #awaitInput}. */
    void requestInput(String prompt, boolean password) {
        flush();
        CompletableFuture<String> asked = sink.input(prompt, password);
        synchronized (this) {
            input = asked;
        }
    }

    /**
     * The answer to the pending request within {@code millis}: {"value", text}, {"wait", null}, or
     * {"error", why}. Short waits keep the cell interruptible (Python polls between them).
     */
    String[] awaitInput(long millis) {
        CompletableFuture<String> asked;
        synchronized (this) {
            asked = input;
        }
        if (asked == null) {
            return new String[] {"error", "no input was asked for"};
        }
        try {
            String value = asked.get(millis, TimeUnit.MILLISECONDS);
            return new String[] {"value", value};
        } catch (TimeoutException e) {
            return new String[] {"wait", null};
        } catch (InterruptedException e) {
            // Context.interrupt() woke the wait; the KeyboardInterrupt comes at Python's next
            // safepoint. The flag stays cleared: left set, it would break whatever the kernel
            // thread blocks on next (an interruptible file channel closes, for one).
            return new String[] {"wait", null};
        } catch (ExecutionException | java.util.concurrent.CancellationException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            return new String[] {"error", cause == null || cause.getMessage() == null ? "the input was cancelled" : cause.getMessage()};
        }
    }

    /** The cell has ended: a request still open is withdrawn (the app removes its field). */
    void endInput() {
        CompletableFuture<String> asked;
        synchronized (this) {
            asked = input;
            input = null;
        }
        if (asked != null) {
            asked.cancel(false);
        }
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
