package dev.pagebook.app.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SingleInstanceTest {

    @TempDir
    Path dir;

    @Test
    void aSecondClaimWhileTheFirstLivesIsRefused() throws IOException {
        try (SingleInstance first = SingleInstance.claim(dir).orElseThrow()) {
            assertThat(SingleInstance.claim(dir)).isEmpty();
        }
        try (SingleInstance afterClose = SingleInstance.claim(dir).orElseThrow()) {
            assertThat(afterClose).isNotNull();
        }
    }

    @Test
    void filesForwardedBeforeAndAfterListeningAllArriveInOrder() throws Exception {
        Path a = dir.resolve("a.html");
        Path b = dir.resolve("notes with spaces/b é.html");
        try (SingleInstance primary = SingleInstance.claim(dir).orElseThrow()) {
            assertThat(SingleInstance.forward(dir, new OpenRequest(List.of(a)))).isTrue();
            BlockingQueue<List<Path>> received = new LinkedBlockingQueue<>();
            primary.onOpenRequest(request -> received.add(request.files()));
            assertThat(SingleInstance.forward(dir, new OpenRequest(List.of(b)))).isTrue();
            assertThat(SingleInstance.forward(dir, new OpenRequest(List.of()))).isTrue();

            assertThat(received.poll(5, TimeUnit.SECONDS)).containsExactly(a);
            assertThat(received.poll(5, TimeUnit.SECONDS)).containsExactly(b);
            assertThat(received.poll(5, TimeUnit.SECONDS)).isEmpty();
        }
    }

    @Test
    void anotherProcessForwardsItsFilesToThePrimary() throws Exception {
        Path notebook = dir.resolve("sine-wave.html");
        try (SingleInstance primary = SingleInstance.claim(dir).orElseThrow()) {
            BlockingQueue<List<Path>> received = new LinkedBlockingQueue<>();
            primary.onOpenRequest(request -> received.add(request.files()));

            Process second = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), SecondLaunch.class.getName(),
                    dir.toString(), notebook.toString())
                    .redirectErrorStream(true).start();
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(second.exitValue()).as(new String(second.getInputStream().readAllBytes())).isEqualTo(0);
            assertThat(received.poll(5, TimeUnit.SECONDS)).containsExactly(notebook);
        }
    }

    @Test
    void aSocketFileLeftByACrashedInstanceDoesNotBlockTheNextOne() throws Exception {
        Files.writeString(dir.resolve("open.sock"), "left over");
        try (SingleInstance primary = SingleInstance.claim(dir).orElseThrow()) {
            BlockingQueue<List<Path>> received = new LinkedBlockingQueue<>();
            primary.onOpenRequest(request -> received.add(request.files()));
            assertThat(SingleInstance.forward(dir, new OpenRequest(List.of(dir.resolve("x.html"))))).isTrue();
            assertThat(received.poll(5, TimeUnit.SECONDS)).containsExactly(dir.resolve("x.html"));
        }
    }

    @Test
    void forwardingGivesUpWhenNoInstanceAnswers() {
        long start = System.nanoTime();
        assertThat(SingleInstance.forward(dir, new OpenRequest(List.of()), Duration.ofMillis(300))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void theInstanceDirectoryIsPrivateToItsOwner() throws IOException {
        Path instanceDir = dir.resolve("instance");
        try (SingleInstance primary = SingleInstance.claim(instanceDir).orElseThrow()) {
            if (Files.getFileStore(instanceDir).supportsFileAttributeView("posix")) {
                assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(instanceDir)))
                        .isEqualTo("rwx------");
            }
        }
    }

    /** A second launch in its own JVM: a real inter-process lock, a real socket connection. */
    public static final class SecondLaunch {
        public static void main(String[] args) throws IOException {
            Path instanceDir = Path.of(args[0]);
            Optional<SingleInstance> claimed = SingleInstance.claim(instanceDir);
            if (claimed.isPresent()) {
                System.out.println("claimed the primary role although the test process holds it");
                System.exit(3);
            }
            System.exit(SingleInstance.forward(instanceDir, new OpenRequest(List.of(Path.of(args[1])))) ? 0 : 1);
        }
    }
}
