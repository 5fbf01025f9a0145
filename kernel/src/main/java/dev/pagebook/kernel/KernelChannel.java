package dev.pagebook.kernel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagebook.format.model.Output;
import dev.pagebook.kernel.dom.DomAccess;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The only Java object Python can reach ({@code pagebook_kernel.channel}): it delivers outputs
 * to the running cell and lends the page and pip. Payloads cross as JSON text so no Python
 * object leaks into Java.
 */
public final class KernelChannel {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> BUNDLE = new TypeReference<>() { };
    private static final TypeReference<Map<String, Object>> METADATA = new TypeReference<>() { };
    private static final TypeReference<List<String>> LINES = new TypeReference<>() { };

    private final AtomicReference<CellRun> current;
    private volatile PipRunner pip;
    private volatile DomAccess dom;

    KernelChannel(AtomicReference<CellRun> current, PipRunner pip) {
        this.current = current;
        this.pip = pip;
    }

    void setDom(DomAccess dom) {
        this.dom = dom;
    }

    private CellRun run() {
        CellRun run = current.get();
        if (run == null) {
            throw new IllegalStateException("output outside of a cell");
        }
        return run;
    }

    @org.graalvm.polyglot.HostAccess.Export
    public boolean stream(String name, String text) {
        CellRun run = current.get();
        return run != null && run.stream(name, text);
    }

    @org.graalvm.polyglot.HostAccess.Export
    public void displayData(String data, String metadata) throws JsonProcessingException {
        run().emit(new Output.DisplayData(JSON.readValue(data, BUNDLE), JSON.readValue(metadata, METADATA)));
    }

    @org.graalvm.polyglot.HostAccess.Export
    public void executeResult(int count, String data, String metadata) throws JsonProcessingException {
        run().emit(new Output.ExecuteResult(count, JSON.readValue(data, BUNDLE), JSON.readValue(metadata, METADATA)));
    }

    @org.graalvm.polyglot.HostAccess.Export
    public void error(String ename, String evalue, String traceback) throws JsonProcessingException {
        run().emit(new Output.Error(ename, evalue, JSON.readValue(traceback, LINES)));
    }

    @org.graalvm.polyglot.HostAccess.Export
    public void clearOutput(boolean wait) {
        run().clear();
    }

    /** input(): asks whoever runs the cell for a line; answered through {@link #awaitInput}. */
    @org.graalvm.polyglot.HostAccess.Export
    public void requestInput(String prompt, boolean password) {
        run().requestInput(prompt, password);
    }

    /** {"value", text}, {"wait", null} or {"error", why}, within {@code millis}. */
    @org.graalvm.polyglot.HostAccess.Export
    public String[] awaitInput(int millis) {
        return run().awaitInput(millis);
    }

    void usePip(PipRunner runner) {
        this.pip = runner;
    }

    /** Runs pip in the kernel's venv, its output streamed into the cell; the exit status. */
    @org.graalvm.polyglot.HostAccess.Export
    public int pip(String args) throws JsonProcessingException {
        CellRun run = run();
        return pip.run(JSON.readValue(args, LINES), line -> run.stream(Output.Stream.STDOUT, line + "\n"));
    }

    @org.graalvm.polyglot.HostAccess.Export
    public DomAccess dom() {
        return dom;
    }
}
