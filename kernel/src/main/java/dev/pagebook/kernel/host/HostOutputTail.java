package dev.pagebook.kernel.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A host's standard output and error passed on to the app's, with their last lines kept: when a
 * host dies, what it wrote last (a JVM that could not start, the JVM's report of a native crash,
 * which HotSpot prints to standard output) says why, and belongs in the message the user sees
 * rather than only in a log nobody reads.
 */
final class HostOutputTail {

    private static final int MAX_LINES = 12;
    private static final int MAX_LINE_CHARS = 300;

    private final Deque<String> lines = new ArrayDeque<>();
    private final List<Thread> copiers;

    private HostOutputTail(Process process, String threadName) {
        copiers = List.of(
                Thread.ofPlatform().daemon().name(threadName + "-stdout").start(() -> copy(process.getInputStream(), System.out)),
                Thread.ofPlatform().daemon().name(threadName + "-stderr").start(() -> copy(process.getErrorStream(), System.err)));
    }

    /** Starts copying the process's output (both streams piped) on threads of their own. */
    static HostOutputTail follow(Process process, String threadName) {
        return new HostOutputTail(process, threadName);
    }

    private void copy(InputStream from, PrintStream to) {
        byte[] buffer = new byte[8192];
        StringBuilder line = new StringBuilder();
        try (from) {
            for (int n = from.read(buffer); n >= 0; n = from.read(buffer)) {
                write(to, buffer, n);
                remember(new String(buffer, 0, n, StandardCharsets.UTF_8), line);
            }
        } catch (IOException e) {
            // The host has gone; what was read is kept.
        }
        keep(line.toString());
    }

    private static void write(OutputStream to, byte[] buffer, int n) {
        try {
            to.write(buffer, 0, n);
            to.flush();
        } catch (IOException e) {
            // The app's own stream is closed: the lines are still kept.
        }
    }

    private void remember(String chunk, StringBuilder line) {
        for (int i = 0; i < chunk.length(); i++) {
            char c = chunk.charAt(i);
            if (c == '\n') {
                keep(line.toString());
                line.setLength(0);
            } else if (line.length() < MAX_LINE_CHARS) {
                line.append(c);
            }
        }
    }

    private synchronized void keep(String line) {
        // The JVM's start-up warnings (sun.misc.Unsafe and the like) never explain a death; a bare
        // "#" only spaces out HotSpot's crash report, whose lines must fit in the few kept.
        if (line.isBlank() || line.startsWith("WARNING: ") || line.strip().equals("#")) {
            return;
        }
        lines.addLast(line.stripTrailing());
        while (lines.size() > MAX_LINES) {
            lines.removeFirst();
        }
    }

    /** The last lines written, once both streams have ended or {@code wait} has passed for each. */
    String lastLines(long wait, TimeUnit unit) {
        try {
            for (Thread copier : copiers) {
                copier.join(unit.toMillis(wait));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            return String.join("\n", lines);
        }
    }
}
