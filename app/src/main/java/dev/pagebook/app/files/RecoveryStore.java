package dev.pagebook.app.files;

import dev.pagebook.format.NotebookWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Recovery copies of unsaved notebooks, outside the notebooks themselves
 * ({@code ~/.cache/pagebook/recovery}): each open notebook writes its text there every few
 * seconds while it has unsaved changes, with a note of its file and of the process. Copies whose
 * process is gone (a crash, kill -9) are offered back at the next start.
 */
public final class RecoveryStore {

    /** A recovery copy left behind by a process that is no longer running. */
    public record Orphan(Path copy, Path note, Path original, Instant saved) {
        /** Removes the copy (after recovering or declining it). */
        public void discard() throws IOException {
            Files.deleteIfExists(copy);
            Files.deleteIfExists(note);
        }
    }

    private final Path dir;

    public RecoveryStore(Path dir) {
        this.dir = dir;
    }

    /** {@code ~/.cache/pagebook/recovery}, or the directory in system property {@code pagebook.recovery.dir}. */
    public static RecoveryStore standard() {
        String override = System.getProperty("pagebook.recovery.dir");
        return new RecoveryStore(override != null ? Path.of(override)
                : Path.of(System.getProperty("user.home"), ".cache", "pagebook", "recovery"));
    }

    public Path directory() {
        return dir;
    }

    /** A new key for one open notebook's copies. */
    public static String newSession() {
        return UUID.randomUUID().toString();
    }

    /** Writes (atomically) the recovery copy of session {@code session}; {@code original} may be null. */
    public void write(String session, String html, Path original) throws IOException {
        Files.createDirectories(dir);
        NotebookWriter.writeAtomically(dir.resolve(session + ".html"), html);
        Properties note = new Properties();
        note.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
        note.setProperty("saved", Instant.now().toString());
        if (original != null) {
            note.setProperty("original", original.toAbsolutePath().toString());
        }
        Path notePath = dir.resolve(session + ".properties");
        Path temp = dir.resolve(session + ".properties.tmp");
        try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            note.store(out, "Pagebook recovery copy");
        }
        Files.move(temp, notePath, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Drops the copy of a session whose notebook was saved or closed on purpose. */
    public void discard(String session) throws IOException {
        Files.deleteIfExists(dir.resolve(session + ".html"));
        Files.deleteIfExists(dir.resolve(session + ".properties"));
    }

    /** Copies written by processes no longer alive, newest first. */
    public List<Orphan> orphans() throws IOException {
        List<Orphan> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path note : files.filter(p -> p.toString().endsWith(".properties")).toList()) {
                Properties p = new Properties();
                try (Reader in = Files.newBufferedReader(note, StandardCharsets.UTF_8)) {
                    p.load(in);
                }
                long pid = Long.parseLong(p.getProperty("pid", "-1"));
                boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
                Path copy = dir.resolve(note.getFileName().toString().replace(".properties", ".html"));
                if (!alive && Files.isRegularFile(copy)) {
                    String original = p.getProperty("original");
                    found.add(new Orphan(copy, note, original == null ? null : Path.of(original),
                            Instant.parse(p.getProperty("saved", Instant.EPOCH.toString()))));
                }
            }
        }
        found.sort((a, b) -> b.saved().compareTo(a.saved()));
        return found;
    }
}
