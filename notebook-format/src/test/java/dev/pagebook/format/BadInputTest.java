package dev.pagebook.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad files give one-line messages naming the file, and are never modified. */
class BadInputTest {

    @TempDir
    Path dir;

    private Path file(String name, byte[] bytes) throws Exception {
        Path path = dir.resolve(name);
        Files.write(path, bytes);
        return path;
    }

    private static void assertOneLine(Throwable e) {
        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void binaryFile() throws Exception {
        Path path = file("image.html", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
        assertThatThrownBy(() -> NotebookReader.read(path))
                .isInstanceOf(NotebookFormatException.class)
                .hasMessage(path + ": binary file (NUL byte at offset 4), not an HTML or JSON text file")
                .satisfies(BadInputTest::assertOneLine);
    }

    @Test
    void invalidUtf8ReportsTheByteOffset() throws Exception {
        byte[] bytes = "<p>caf\u00e9</p>".getBytes(StandardCharsets.ISO_8859_1);
        Path path = file("latin1.html", bytes);
        assertThatThrownBy(() -> NotebookReader.read(path))
                .hasMessage(path + ": invalid UTF-8 at byte offset 6 (byte 0xE9); save the file as UTF-8");
        assertThat(Files.readAllBytes(path)).isEqualTo(bytes);
    }

    @Test
    void truncatedUtf8AtTheEnd() throws Exception {
        Path path = file("cut.html", new byte[] {'<', 'p', '>', (byte) 0xE2, (byte) 0x82});
        assertThatThrownBy(() -> NotebookReader.read(path)).hasMessageContaining("invalid UTF-8 at byte offset 3");
    }

    @Test
    void utf16IsRefused() throws Exception {
        Path path = file("u16.html", "\uFEFF<p>x</p>".getBytes(StandardCharsets.UTF_16LE));
        assertThatThrownBy(() -> NotebookReader.read(path)).hasMessageContaining("UTF-16 text is not supported");
    }

    @Test
    void twoHundredMegabyteFileIsRefusedBeforeReading() throws Exception {
        Path path = dir.resolve("huge.html");
        try (RandomAccessFile raf = new RandomAccessFile(path.toFile(), "rw")) {
            raf.setLength(200L * 1000 * 1000); // sparse: no 200 MB written to disk
        }
        long start = System.nanoTime();
        assertThatThrownBy(() -> NotebookReader.read(path))
                .hasMessage(path + ": file is too large (200.0 MB; the limit is 64 MB)");
        assertThat(System.nanoTime() - start).as("refused without reading").isLessThan(2_000_000_000L);
    }

    @Test
    void missingFileAndDirectory() {
        assertThatThrownBy(() -> NotebookReader.read(dir.resolve("nope.html"))).hasMessageEndingWith("nope.html: no such file");
        assertThatThrownBy(() -> NotebookReader.read(dir)).hasMessageEndingWith(": is a directory, not a file");
    }

    @Test
    void bomIsKeptAndFileUnchanged() throws Exception {
        byte[] bytes = "\uFEFF<p>x</p><script type=\"py\">1</script>".getBytes(StandardCharsets.UTF_8);
        Path path = file("bom.html", bytes);
        Notebook nb = NotebookReader.read(path);
        assertThat(NotebookWriter.write(nb).getBytes(StandardCharsets.UTF_8)).isEqualTo(bytes);
        assertThat(Files.readAllBytes(path)).isEqualTo(bytes);
    }
}
