package dev.pagebook.kernel;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Context's stdout/stderr (fixed when the context is built) forwarding to whichever cell is
 * running. Cells print through {@code pagebook_kernel.streams}; this catches the rest (GraalPy's
 * own warnings, writes to {@code sys.__stdout__}).
 */
final class DispatchingOutputStream extends OutputStream {

    private final String name;
    private final AtomicReference<CellRun> current;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    DispatchingOutputStream(String name, AtomicReference<CellRun> current) {
        this.name = name;
        this.current = current;
    }

    @Override
    public synchronized void write(int b) {
        pending.write(b);
        if (b == '\n') {
            flush();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        pending.write(b, off, len);
        if (len > 0 && b[off + len - 1] == '\n') {
            flush();
        }
    }

    @Override
    public synchronized void flush() {
        if (pending.size() == 0) {
            return;
        }
        String text = pending.toString(StandardCharsets.UTF_8);
        pending.reset();
        CellRun run = current.get();
        if (run != null) {
            run.stream(name, text);
        } else {
            // Nothing is running (e.g. a background thread printing): keep it visible somewhere.
            System.err.print(text);
        }
    }
}
