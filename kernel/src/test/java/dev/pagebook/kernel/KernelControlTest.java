package dev.pagebook.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagebook.format.model.Output;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Interrupt, restart and the observable status, on one shared kernel. */
class KernelControlTest {

    private static GraalPyKernel kernel;
    private static final List<KernelStatus> seen = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        kernel = GraalPyKernel.start(KernelOptions.defaults().withVenv(null));
        kernel.addStatusListener(seen::add);
        assertThat(kernel.status()).isIn(KernelStatus.STARTING, KernelStatus.IDLE);
        kernel.ready().get(2, TimeUnit.MINUTES);
        assertThat(kernel.status()).isEqualTo(KernelStatus.IDLE);
    }

    @AfterAll
    static void stop() {
        kernel.close();
        assertThat(kernel.status()).isEqualTo(KernelStatus.DEAD);
    }

    private static void awaitStatus(KernelStatus wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (kernel.status() != wanted && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(kernel.status()).isEqualTo(wanted);
    }

    @Test
    void theThreadsRunningPythonAndCompilingItYieldToTheWindow() throws Exception {
        Assumptions.assumeTrue(java.nio.file.Files.isDirectory(java.nio.file.Path.of("/proc/self/task")), "Linux only");
        kernel.execute("warm", "sum(i * i for i in range(200000))", new RecordingSink()).get(1, TimeUnit.MINUTES);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<String> kernelThreads;
        List<String> compilerThreads;
        do {
            // Threads are looked for while work runs; a compiler thread may start after a cell ends.
            kernel.execute("again", "1", new RecordingSink()).get(1, TimeUnit.MINUTES);
            Thread.sleep(300);
            kernelThreads = KernelThreadPriority.threadsNamed("pagebook-kernel");
            compilerThreads = KernelThreadPriority.threadsNamed("TruffleCompiler");
        } while (System.nanoTime() < deadline && !(kernelThreads.stream().allMatch(tid -> niceIs(tid, 10))
                && compilerThreads.stream().allMatch(tid -> niceIs(tid, 19))));
        assertThat(kernelThreads).isNotEmpty().allMatch(tid -> niceIs(tid, 10));
        // The compilers yield to Python as well.
        assertThat(compilerThreads).isNotEmpty().allMatch(tid -> niceIs(tid, 19));
        // This test's own thread, like the window's, keeps its priority.
        assertThat(KernelThreadPriority.threadsNamed("main")).noneMatch(tid -> niceIs(tid, 10) || niceIs(tid, 19));
    }

    private static boolean niceIs(String tid, int nice) {
        try {
            return KernelThreadPriority.niceOf(tid) == nice;
        } catch (java.io.IOException ended) {
            return true;
        }
    }

    @Test
    void interruptStopsARunawayLoopWithinASecond() throws Exception {
        RecordingSink sink = new RecordingSink();
        CompletableFuture<ExecutionReply> reply = kernel.execute("loop", "n = 0\nwhile True:\n    n += 1", sink);
        awaitStatus(KernelStatus.BUSY);
        Thread.sleep(300);
        long asked = System.nanoTime();
        kernel.interrupt();
        ExecutionReply result = reply.get(5, TimeUnit.SECONDS);
        long tookMs = (System.nanoTime() - asked) / 1_000_000;
        System.out.printf("interrupt took %d ms%n", tookMs);
        assertThat(tookMs).isLessThan(1000);
        assertThat(result.status()).isEqualTo(ExecutionReply.Status.INTERRUPTED);
        assertThat(sink.error().ename()).isEqualTo("KeyboardInterrupt");
        assertThat(kernel.status()).isEqualTo(KernelStatus.IDLE);
        RecordingSink after = new RecordingSink();
        kernel.execute("after", "n > 0", after).get(10, TimeUnit.SECONDS);
        assertThat(after.all(Output.ExecuteResult.class)).singleElement()
                .satisfies(r -> assertThat(r.data()).containsEntry("text/plain", "True"));
        assertThat(seen).contains(KernelStatus.BUSY, KernelStatus.IDLE);
    }

    @Test
    void restartGivesACleanNamespaceAndCancelsTheRunningCell() throws Exception {
        kernel.execute("a", "secret = 41", new RecordingSink()).get();
        CompletableFuture<ExecutionReply> running = kernel.execute("b", "while True: pass", new RecordingSink());
        awaitStatus(KernelStatus.BUSY);
        long asked = System.nanoTime();
        kernel.restart().get(60, TimeUnit.SECONDS);
        System.out.printf("restart to ready took %d ms%n", (System.nanoTime() - asked) / 1_000_000);
        assertThat(running.get(5, TimeUnit.SECONDS).status()).isEqualTo(ExecutionReply.Status.ABORTED);
        assertThat(kernel.status()).isEqualTo(KernelStatus.IDLE);
        RecordingSink sink = new RecordingSink();
        ExecutionReply reply = kernel.execute("c", "secret", sink).get(10, TimeUnit.SECONDS);
        assertThat(sink.error().ename()).isEqualTo("NameError");
        assertThat(reply.executionCount()).isEqualTo(1);
        assertThat(seen).contains(KernelStatus.STARTING);
    }
}
