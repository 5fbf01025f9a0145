package dev.pagebook.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagebook.format.model.Output;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** input() asks whoever runs the cell, as Jupyter's stdin requests do. */
class InputTest {

    private static GraalPyKernel kernel;

    @BeforeAll
    static void start() throws Exception {
        kernel = GraalPyKernel.start(KernelOptions.defaults().withVenv(null).withWarmStandby(false));
        kernel.ready().get(3, TimeUnit.MINUTES);
    }

    @AfterAll
    static void stop() {
        kernel.close();
    }

    /** Records outputs and the questions asked; answers each with the next of {@code answers}. */
    static final class Answering implements OutputSink {
        final RecordingSink outputs = new RecordingSink();
        final List<String> asked = new CopyOnWriteArrayList<>();
        final List<CompletableFuture<String>> answers;

        Answering(List<CompletableFuture<String>> answers) {
            this.answers = answers;
        }

        @Override
        public void accept(Output output) {
            outputs.accept(output);
        }

        @Override
        public CompletableFuture<String> input(String prompt, boolean password) {
            asked.add(prompt + (password ? " (hidden)" : ""));
            return answers.get(asked.size() - 1);
        }
    }

    @Test
    void inputReturnsWhatTheUserTypedAndEchoesItAfterThePrompt() throws Exception {
        // getpass is tested in a kernel host (HostedKernelTest): it loads the native module termios,
        // which only one context of this many-context test JVM may load.
        Answering sink = new Answering(List.of(CompletableFuture.completedFuture("Ada")));
        ExecutionReply reply = kernel.execute("c", "name = input('Name? ')\nprint('hello', name)", sink)
                .get(1, TimeUnit.MINUTES);
        assertThat(reply.status()).as("%s", sink.outputs.outputs()).isEqualTo(ExecutionReply.Status.OK);
        assertThat(sink.asked).containsExactly("Name? ");
        assertThat(sink.outputs.stdout()).isEqualTo("Name? Ada\nhello Ada\n");
    }

    @Test
    void withNobodyToAskInputRaisesEofErrorSayingWhy() throws Exception {
        RecordingSink sink = new RecordingSink();
        kernel.execute("c", "input('Name? ')", sink).get(1, TimeUnit.MINUTES);
        assertThat(sink.error().ename()).isEqualTo("EOFError");
        assertThat(sink.error().evalue()).startsWith("input() got no answer: nobody can type an answer here");
    }

    @Test
    void aCellWaitingForInputCanBeInterrupted() throws Exception {
        CompletableFuture<String> never = new CompletableFuture<>();
        Answering sink = new Answering(List.of(never));
        CompletableFuture<ExecutionReply> reply = kernel.execute("c", "input('Wait for me: ')", sink);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (sink.asked.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(sink.asked).containsExactly("Wait for me: ");
        long interrupted = System.nanoTime();
        kernel.interrupt();
        assertThat(reply.get(30, TimeUnit.SECONDS).status()).isEqualTo(ExecutionReply.Status.INTERRUPTED);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - interrupted)).isLessThan(5_000);
        assertThat(never).as("the question is withdrawn when the cell ends").isCancelled();
        assertThat(kernel.status()).isEqualTo(KernelStatus.IDLE);
        // The interrupt is over: the next cell reads files (imports) as usual.
        RecordingSink next = new RecordingSink();
        kernel.execute("c", "import json\nprint(json.dumps([1]))", next).get(1, TimeUnit.MINUTES);
        assertThat(next.stdout()).as("%s", next.outputs()).isEqualTo("[1]\n");
    }
}
