package dev.pagebook.kernel;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lowers the scheduling priority (nice 10) of the threads doing kernel work: the threads that run
 * Python and the JIT compilers. On two cores a running cell and the Graal compiler otherwise take
 * both, and the window's thread waits for its turn with every key press (the app benchmark's
 * typing latency while a cell runs went from p50 22-28 / p95 42-56 ms to p50 13.5-15 / p95
 * 25-30 ms). When the window is idle the kernel still gets every free cycle. Linux only (threads are found in /proc by name);
 * elsewhere, or with {@code -Dpagebook.kernel.nice=0}, nothing changes.
 */
final class KernelThreadPriority {

    private static final int NICE = Integer.getInteger("pagebook.kernel.nice", 10);
    private static final Path TASKS = Path.of("/proc/self/task");
    /** Thread names as Linux keeps them (15 characters): ours, Truffle's and HotSpot's compilers. */
    private static final List<String> KERNEL_WORK = List.of("pagebook-kernel", "TruffleCompiler", "C1 CompilerThre",
            "C2 CompilerThre", "JVMCI CompilerT");
    private static final long MIN_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final Set<String> LOWERED = ConcurrentHashMap.newKeySet();
    private static final AtomicLong LAST_SCAN = new AtomicLong(System.nanoTime() - MIN_INTERVAL_NANOS);
    private static final ExecutorService SCANNER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "pagebook-priority");
        t.setDaemon(true);
        return t;
    });

    private KernelThreadPriority() {
    }

    /** Looks for kernel threads not yet lowered (compiler threads come and go) in the background. */
    static void lowerSoon() {
        long last = LAST_SCAN.get();
        long now = System.nanoTime();
        if (NICE <= 0 || !Files.isDirectory(TASKS) || now - last < MIN_INTERVAL_NANOS || !LAST_SCAN.compareAndSet(last, now)) {
            return;
        }
        SCANNER.execute(KernelThreadPriority::lowerNow);
    }

    private static void lowerNow() {
        List<String> found = new ArrayList<>();
        try {
            threads().forEach((tid, name) -> {
                if (!LOWERED.contains(tid) && KERNEL_WORK.stream().anyMatch(name::startsWith)) {
                    found.add(tid);
                }
            });
        } catch (IOException e) {
            return;
        }
        if (found.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("renice", "-n", Integer.toString(NICE), "-p"));
        command.addAll(found);
        try {
            Process renice = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (renice.waitFor(5, TimeUnit.SECONDS)) {
                LOWERED.addAll(found);
            } else {
                renice.destroyForcibly();
            }
        } catch (IOException e) {
            // No renice here: the kernel runs at normal priority, as it did before.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** This process's threads: id to name (as Linux keeps it, 15 characters at most). */
    private static Map<String, String> threads() throws IOException {
        Map<String, String> names = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                try {
                    names.put(task.getFileName().toString(), Files.readString(task.resolve("comm")).strip());
                } catch (IOException ended) {
                    // The thread ended meanwhile.
                }
            }
        }
        return names;
    }

    /** The nice value of a thread of this process (for tests), from /proc/self/task/TID/stat. */
    static int niceOf(String tid) throws IOException {
        String stat = Files.readString(TASKS.resolve(tid).resolve("stat"));
        // Fields after the parenthesised name, which may itself hold spaces: nice is the 19th field.
        String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(rest[16]);
    }

    /** Thread ids of this process whose name starts with {@code prefix} (for tests). */
    static List<String> threadsNamed(String prefix) throws IOException {
        return threads().entrySet().stream().filter(t -> t.getValue().startsWith(prefix)).map(Map.Entry::getKey).toList();
    }
}
