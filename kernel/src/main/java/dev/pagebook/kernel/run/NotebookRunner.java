package dev.pagebook.kernel.run;

import dev.pagebook.format.Notebook;
import dev.pagebook.format.model.Cell;
import dev.pagebook.format.model.CellForm;
import dev.pagebook.format.model.CellInfo;
import dev.pagebook.format.model.Output;
import dev.pagebook.format.model.PythonCell;
import dev.pagebook.kernel.ExecutionReply;
import dev.pagebook.kernel.Kernel;
import dev.pagebook.kernel.KernelStatus;
import dev.pagebook.kernel.OutputSink;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs every Python cell of a notebook in order on a kernel and returns the notebook with the
 * new outputs, execution counts and timings; stops at the first cell that fails (as papermill
 * does). Parameters go into a new cell right after the cell tagged {@code parameters} (or first).
 */
public final class NotebookRunner {

    /** The tag (in the cell's .ipynb metadata or a {@code tags} attribute) of the parameters cell. */
    public static final String PARAMETERS_TAG = "parameters";
    public static final String INJECTED_TAG = "injected-parameters";

    /** How the run ended; {@code failedCell}/{@code error} are set when a cell failed or timed out. */
    public record Result(Notebook notebook, int cellsRun, Optional<String> failedCell, Optional<Output.Error> error) {
        public boolean succeeded() {
            return failedCell.isEmpty();
        }
    }

    private final Kernel kernel;
    private final Duration cellTimeout;

    /** {@code cellTimeout} null: no limit. */
    public NotebookRunner(Kernel kernel, Duration cellTimeout) {
        this.kernel = kernel;
        this.cellTimeout = cellTimeout;
    }

    public Result run(Notebook notebook, RunParameters parameters) throws InterruptedException {
        awaitStarted();
        Notebook current = parameters.isEmpty() ? notebook : inject(notebook, parameters);
        int ran = 0;
        for (PythonCell cell : current.pythonCells()) {
            if (cell.form() == CellForm.SCRIPT_MPY) {
                continue; // MicroPython cells are for the browser only
            }
            List<Output> outputs = new ArrayList<>();
            Instant started = Instant.now();
            ExecutionReply reply = execute(cell, outputs);
            ran++;
            current = current.setOutputs(cell.id(), StreamMerger.merge(outputs), reply.executionCount() > 0 ? reply.executionCount() : null);
            CellInfo info = current.metadata().cell(cell.id()).withTiming(started, reply.duration().toMillis());
            current = current.withMetadata(current.metadata().withCell(cell.id(), info));
            if (reply.status() != ExecutionReply.Status.OK) {
                Output.Error error = outputs.stream().filter(Output.Error.class::isInstance).map(Output.Error.class::cast)
                        .reduce((a, b) -> b)
                        .orElse(new Output.Error("Error", "the cell did not finish", List.of("the cell did not finish")));
                return new Result(current, ran, Optional.of(cell.id()), Optional.of(error));
            }
        }
        return new Result(current, ran, Optional.empty(), Optional.empty());
    }

    private ExecutionReply execute(PythonCell cell, List<Output> outputs) throws InterruptedException {
        var future = kernel.execute(cell.id(), cell.code(), new OutputSink() {
            @Override
            public void accept(Output output) {
                synchronized (outputs) {
                    outputs.add(output);
                }
            }

            @Override
            public CompletableFuture<String> input(String prompt, boolean password) {
                return CompletableFuture.failedFuture(new UnsupportedOperationException("a batch run has nobody to"
                        + " type an answer; give the value as a parameter instead (a cell tagged 'parameters' and"
                        + " pagebook run -p NAME=VALUE)"));
            }
        });
        try {
            if (cellTimeout == null) {
                return future.get();
            }
            try {
                return future.get(cellTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                ExecutionReply reply = interruptUntilDone(future);
                synchronized (outputs) {
                    outputs.removeIf(Output.Error.class::isInstance);
                    outputs.add(new Output.Error("TimeoutError", "the cell ran longer than " + cellTimeout.toSeconds() + " s",
                            List.of("TimeoutError: the cell ran longer than " + cellTimeout.toSeconds() + " s and was interrupted")));
                }
                return new ExecutionReply(ExecutionReply.Status.INTERRUPTED, reply.executionCount(), reply.duration());
            }
        } catch (ExecutionException e) {
            outputs.add(new Output.Error("KernelError", String.valueOf(e.getCause().getMessage()),
                    List.of("KernelError: " + e.getCause())));
            return new ExecutionReply(ExecutionReply.Status.ABORTED, 0, Duration.ZERO);
        }
    }

    /** A cell's timeout counts from when the kernel can run it, not from JVM start-up. */
    private void awaitStarted() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        Consumer<KernelStatus> listener = status -> {
            if (status != KernelStatus.STARTING) {
                started.countDown();
            }
        };
        kernel.addStatusListener(listener);
        try {
            if (kernel.status() == KernelStatus.STARTING) {
                started.await();
            }
        } finally {
            kernel.removeStatusListener(listener);
        }
    }

    /** Interrupts until the cell stops (a native call only notices once it returns). */
    private ExecutionReply interruptUntilDone(CompletableFuture<ExecutionReply> future)
            throws InterruptedException, ExecutionException {
        while (true) {
            kernel.interrupt();
            try {
                return future.get(1, TimeUnit.SECONDS);
            } catch (TimeoutException stillRunning) {
                // ask again
            }
        }
    }

    static Notebook inject(Notebook notebook, RunParameters parameters) {
        List<Cell> cells = notebook.cells();
        int after = -1;
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i) instanceof PythonCell p && isParametersCell(notebook, p)) {
                after = i;
            }
        }
        String id = notebook.newCellId().replaceFirst("^cell", INJECTED_TAG);
        PythonCell injected = PythonCell.of(id, "\n" + parameters.code());
        Notebook result = notebook.insertCell(after + 1, injected);
        CellInfo info = new CellInfo(null, null, Map.of("tags", List.of(INJECTED_TAG)));
        return result.withMetadata(result.metadata().withCell(id, info));
    }

    static boolean isParametersCell(Notebook notebook, PythonCell cell) {
        String tags = cell.attributes().getOrDefault("tags", cell.attributes().getOrDefault("data-tags", ""));
        if (List.of(tags.split("[\\s,]+")).contains(PARAMETERS_TAG)) {
            return true;
        }
        Object ipynbTags = notebook.metadata().cell(cell.id()).ipynbMetadata().get("tags");
        return ipynbTags instanceof List<?> list && list.contains(PARAMETERS_TAG);
    }
}
