package dev.pagebook.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagebook.format.model.Output;
import dev.pagebook.kernel.dom.HeadlessDomBridge;
import dev.pagebook.kernel.host.HostCommand;
import dev.pagebook.kernel.host.HostOrInProcessKernel;
import dev.pagebook.kernel.host.HostedKernel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kernel in a host JVM of its own, started the way the app starts it (this test JVM's own
 * command line): cells, the page bridge, interrupt, restart, and a host that dies under a cell.
 */
class HostedKernelTest {

    private static HostedKernel kernel;
    private static final List<KernelStatus> seen = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        HostCommand command = HostCommand.ofThisProcess().orElseThrow();
        kernel = HostedKernel.start(KernelOptions.defaults().withVenv(null).withWarmStandby(false), command);
        kernel.addStatusListener(seen::add);
        kernel.ready().get(3, TimeUnit.MINUTES);
        assertThat(kernel.status()).isEqualTo(KernelStatus.IDLE);
        assertThat(kernel.hostPid()).isNotEqualTo(ProcessHandle.current().pid());
    }

    @AfterAll
    static void stop() throws Exception {
        long pid = kernel.hostPid();
        kernel.close();
        assertThat(kernel.status()).isEqualTo(KernelStatus.DEAD);
        ProcessHandle host = ProcessHandle.of(pid).orElse(null);
        if (host != null) {
            host.onExit().get(10, TimeUnit.SECONDS);
        }
    }

    private static RecordingSink run(String code) throws Exception {
        RecordingSink sink = new RecordingSink();
        kernel.execute("cell", code, sink).get(2, TimeUnit.MINUTES);
        return sink;
    }

    private static void awaitStatus(KernelStatus wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (kernel.status() != wanted && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(kernel.status()).isEqualTo(wanted);
    }

    @Test
    void cellsRunInTheHostWithTheirOutputsAndTracebacks() throws Exception {
        RecordingSink sink = new RecordingSink();
        ExecutionReply reply = kernel.execute("a", "import os\nprint('pid', os.getpid())\n6 * 7", sink).get(2, TimeUnit.MINUTES);
        assertThat(reply.status()).isEqualTo(ExecutionReply.Status.OK);
        assertThat(sink.stdout()).isEqualTo("pid " + kernel.hostPid() + "\n");
        assertThat(sink.all(Output.ExecuteResult.class)).singleElement()
                .satisfies(r -> assertThat(r.data()).containsEntry("text/plain", "42"));

        RecordingSink failing = run("x = 1\n\n1 / 0");
        assertThat(failing.error().ename()).isEqualTo("ZeroDivisionError");
        assertThat(String.join("\n", failing.error().traceback())).contains("line 3").doesNotContain("pagebook_kernel");

        assertThat(kernel.variables()).extracting(VariableInfo::name).contains("x");
        run("import math\nalpha_value = 1");
        assertThat(kernel.complete("x = math.sq", 11)).extracting(Completion::text).containsExactly("math.sqrt");
        assertThat(kernel.complete("alpha_", 6)).extracting(Completion::text).contains("alpha_value");
        assertThat(kernel.inspect("len", 2)).hasValueSatisfying(text -> assertThat(text).contains("len"));
    }

    @Test
    void aLoopShowsItsLinesWhileRunningAndStopsOnInterrupt() throws Exception {
        RecordingSink sink = new RecordingSink();
        var reply = kernel.execute("loop", "import time\nprint('started', flush=True)\nwhile True:\n    pass", sink);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!sink.stdout().contains("started") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(sink.stdout()).contains("started");
        awaitStatus(KernelStatus.BUSY);
        long interrupted = System.nanoTime();
        kernel.interrupt();
        assertThat(reply.get(30, TimeUnit.SECONDS).status()).isEqualTo(ExecutionReply.Status.INTERRUPTED);
        assertThat(System.nanoTime() - interrupted).isLessThan(TimeUnit.SECONDS.toNanos(5));
        assertThat(run("'still here'").all(Output.ExecuteResult.class)).hasSize(1);
    }

    @Test
    void pyscriptCellsChangeTheAppsPageThroughTheBridge() throws Exception {
        List<String> messages = new CopyOnWriteArrayList<>();
        HeadlessDomBridge page = new HeadlessDomBridge("<html><body><p id='out'>old</p></body></html>",
                "file:///tmp/page.html", (kind, text) -> messages.add(kind + ":" + text));
        kernel.setDomBridge(page);
        try {
            RecordingSink sink = run("""
                    from pyscript import document, window
                    document.querySelector('#out').innerText = 'new ' + str(len(document.querySelectorAll('p')))
                    window.console.log('hello')
                    document.querySelector('#nothing')
                    """);
            assertThat(sink.all(Output.Error.class)).isEmpty();
            assertThat(page.document().getElementById("out").text()).isEqualTo("new 1");
            assertThat(messages).contains("log:hello");
            // What the cell changed goes out as its output, as from the in-process kernel.
            assertThat(sink.all(Output.DisplayData.class)).anySatisfy(d ->
                    assertThat(d.metadata()).isEqualTo(Map.of("pagebook", Map.of("target", "out"))));
        } finally {
            kernel.setDomBridge(null);
        }
    }

    @Test
    void aHostThatDiesUnderACellIsReplacedAndTheAppLivesOn() throws Exception {
        run("kept = 1");
        long first = kernel.hostPid();
        RecordingSink sink = new RecordingSink();
        var reply = kernel.execute("sleep", "import time\nprint('sleeping', flush=True)\ntime.sleep(600)", sink);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!sink.stdout().contains("sleeping") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        // What the system's out-of-memory killer does to a host.
        ProcessHandle.of(first).orElseThrow().destroyForcibly();
        assertThat(reply.get(1, TimeUnit.MINUTES).status()).isEqualTo(ExecutionReply.Status.ERROR);
        assertThat(sink.error().ename()).isEqualTo("KernelDied");
        kernel.ready().get(3, TimeUnit.MINUTES);
        awaitStatus(KernelStatus.IDLE);
        assertThat(kernel.hostPid()).isNotEqualTo(first);
        assertThat(run("'kept' in globals()").all(Output.ExecuteResult.class)).singleElement()
                .satisfies(r -> assertThat(r.data()).containsEntry("text/plain", "False"));
    }

    @Test
    void aSegfaultInNativeCodeEndsOnlyTheHost() throws Exception {
        long first = kernel.hostPid();
        RecordingSink sink = run("import ctypes\nctypes.string_at(4096)");
        assertThat(sink.error().ename()).isEqualTo("KernelDied");
        assertThat(sink.error().traceback()).singleElement().asString().contains("a new one is starting")
                .contains("it wrote last:").contains("SIGSEGV").contains("hs_err_pid");
        kernel.ready().get(3, TimeUnit.MINUTES);
        awaitStatus(KernelStatus.IDLE);
        assertThat(kernel.hostPid()).isNotEqualTo(first);
        assertThat(run("2 + 2").all(Output.ExecuteResult.class)).singleElement()
                .satisfies(r -> assertThat(r.data()).containsEntry("text/plain", "4"));
    }

    /** A host whose JVM starts but cannot find its main class, so it never connects. */
    private static HostCommand unlaunchableHost() {
        String java = ProcessHandle.current().info().command().orElseThrow();
        return new HostCommand(List.of(java, "-cp", "/nonexistent", "dev.pagebook.NoSuchHostMain"));
    }

    @Test
    void aHostThatCannotStartSaysWhyToTheCellsSentToIt() throws Exception {
        HostedKernel broken = HostedKernel.start(KernelOptions.defaults().withVenv(null).withWarmStandby(false), unlaunchableHost());
        try {
            assertThat(broken.ready()).failsWithin(2, TimeUnit.MINUTES).withThrowableThat()
                    .withMessageContaining("exit code 1").withMessageContaining("dev.pagebook.NoSuchHostMain");
            assertThat(broken.status()).isEqualTo(KernelStatus.DEAD);
            RecordingSink sink = new RecordingSink();
            ExecutionReply reply = broken.execute("cell", "1 + 1", sink).get(1, TimeUnit.MINUTES);
            assertThat(reply.status()).isEqualTo(ExecutionReply.Status.ERROR);
            assertThat(sink.error().ename()).isEqualTo("KernelNotRunning");
            assertThat(String.join("\n", sink.error().traceback()))
                    .contains("Could not find or load main class dev.pagebook.NoSuchHostMain", "Restart the kernel");
        } finally {
            broken.close();
        }
    }

    @Test
    void aHostThatCannotLaunchGivesWayToAKernelInThisProcess() throws Exception {
        KernelOptions options = KernelOptions.defaults().withVenv(null).withWarmStandby(false);
        HostedKernel broken = HostedKernel.start(options, unlaunchableHost());
        List<KernelStatus> statuses = new CopyOnWriteArrayList<>();
        try (HostOrInProcessKernel either = HostOrInProcessKernel.start(broken, () -> GraalPyKernel.start(options))) {
            either.addStatusListener(statuses::add);
            // Sent before anything started: it waits for whichever kernel will run it.
            RecordingSink first = new RecordingSink();
            var reply = either.execute("a", "import os\nos.getpid()", first);
            RecordingSink second = new RecordingSink();
            var next = either.execute("b", "print('after a')", second);
            assertThat(reply.get(3, TimeUnit.MINUTES).status()).isEqualTo(ExecutionReply.Status.OK);
            assertThat(first.all(Output.ExecuteResult.class)).singleElement()
                    .satisfies(r -> assertThat(r.data()).containsEntry("text/plain", Long.toString(ProcessHandle.current().pid())));
            assertThat(next.get(1, TimeUnit.MINUTES).status()).isEqualTo(ExecutionReply.Status.OK);
            assertThat(second.stdout()).isEqualTo("after a\n");
            either.ready().get(1, TimeUnit.MINUTES);
            assertThat(either.runsInProcess()).isTrue();
            assertThat(either.status()).isEqualTo(KernelStatus.IDLE);
            assertThat(statuses).doesNotContain(KernelStatus.DEAD).contains(KernelStatus.IDLE);
        }
    }

    @Test
    void inputAndGetpassInTheHostAreAnsweredByTheAppsSink() throws Exception {
        RecordingSink outputs = new RecordingSink();
        List<String> asked = new CopyOnWriteArrayList<>();
        OutputSink sink = new OutputSink() {
            @Override
            public void accept(Output output) {
                outputs.accept(output);
            }

            @Override
            public java.util.concurrent.CompletableFuture<String> input(String prompt, boolean password) {
                asked.add(prompt + (password ? "(hidden)" : ""));
                return java.util.concurrent.CompletableFuture.completedFuture("from the app");
            }
        };
        kernel.execute("cell", "print(input('Who? ').upper())\nimport getpass\nprint(len(getpass.getpass('Secret? ')))", sink)
                .get(2, TimeUnit.MINUTES);
        assertThat(asked).containsExactly("Who? ", "Secret? (hidden)");
        // getpass's answer is not echoed.
        assertThat(outputs.stdout()).as("%s", outputs.outputs()).isEqualTo("Who? from the app\nFROM THE APP\n12\n");
    }

    @Test
    void aQuestionLeftOpenIsWithdrawnFromTheAppWhenTheCellIsInterrupted() throws Exception {
        java.util.concurrent.CompletableFuture<String> never = new java.util.concurrent.CompletableFuture<>();
        List<String> asked = new CopyOnWriteArrayList<>();
        OutputSink sink = new OutputSink() {
            @Override
            public void accept(Output output) {
            }

            @Override
            public java.util.concurrent.CompletableFuture<String> input(String prompt, boolean password) {
                asked.add(prompt);
                return never;
            }
        };
        var reply = kernel.execute("cell", "input('Waiting: ')", sink);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (asked.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        kernel.interrupt();
        assertThat(reply.get(30, TimeUnit.SECONDS).status()).isEqualTo(ExecutionReply.Status.INTERRUPTED);
        assertThat(never).as("the app's field goes when its question is withdrawn").isCancelled();
    }

    @Test
    void osExitEndsOnlyTheCellAndTheHostStays() throws Exception {
        long host = kernel.hostPid();
        RecordingSink sink = run("import os\nos._exit(3)");
        assertThat(sink.error().ename()).isEqualTo("SystemExit");
        assertThat(kernel.hostPid()).isEqualTo(host);
        assertThat(run("1 + 1").all(Output.ExecuteResult.class)).hasSize(1);
    }

    @Test
    void restartGivesACleanNamespaceInANewHost() throws Exception {
        run("gone = 1");
        long first = kernel.hostPid();
        kernel.restart().get(3, TimeUnit.MINUTES);
        assertThat(kernel.status()).isEqualTo(KernelStatus.IDLE);
        assertThat(kernel.hostPid()).isNotEqualTo(first);
        assertThat(ProcessHandle.of(first).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(run("gone").error().ename()).isEqualTo("NameError");
        assertThat(seen).contains(KernelStatus.STARTING, KernelStatus.IDLE, KernelStatus.BUSY);
    }
}
