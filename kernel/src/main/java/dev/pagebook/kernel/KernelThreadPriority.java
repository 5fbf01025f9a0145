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
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lowers the scheduling priority of the threads doing kernel work: the threads that run Python
 * (nice 10) and, below them, the JIT compilers (nice 19). On two cores a running cell and the Graal
 * compiler otherwise take both, and the window's thread waits for its turn with every key press
 * (the app benchmark's typing latency while a cell runs went from p50 22-28 / p95 42-56 ms to p50
 * 13.5-15 / p95 25-30 ms). The compilers yield to Python too: while a context boots, Truffle's and
 * HotSpot's compilers had as much CPU as the boot itself, and a one-cell {@code pagebook run}
 * took longer (docs/kernel.md). When nothing else runs they still get every free cycle. Linux only
 * (threads are found in /proc by name); elsewhere, or with {@code -Dpagebook.kernel.nice=0},
 * nothing changes.
 */
final class KernelThreadPriority {

    private static final int NICE = Integer.getInteger("pagebook.kernel.nice", 10);
    private static final int COMPILER_NICE = NICE <= 0 ? 0 : 19;
    private static final Path TASKS = Path.of("/proc/self/task");
    /** Thread names as Linux keeps them (15 characters). */
    private static final List<String> PYTHON = List.of("pagebook-kernel");
    private static final List<String> COMPILERS = List.of("TruffleCompiler", "C1 CompilerThre", "C2 CompilerThre",
            "JVMCI CompilerT");
    private static final long SCAN_INTERVAL_MILLIS = 250;
    private static final long MIN_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(SCAN_INTERVAL_MILLIS);
    private static final Set<String> LOWERED = ConcurrentHashMap.newKeySet();
    private static final AtomicLong LAST_SCAN = new AtomicLong(System.nanoTime() - MIN_INTERVAL_NANOS);
    private static final ExecutorService SCANNER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "pagebook-priority");
        t.setDaemon(true);
        return t;
    });

    private KernelThreadPriority() {
    }

    /** Periodic scans for kernel threads, for as long as some kernel work runs. */
    interface Scans extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Looks for threads to lower every 250 ms until closed: compiler threads start on demand (and
     * Truffle's stop after some idle seconds), so new ones appear while Python runs.
     */
    static Scans scanWhileWorking(ScheduledExecutorService timer) {
        ScheduledFuture<?> scans = timer.scheduleWithFixedDelay(KernelThreadPriority::lowerSoon, 0,
                SCAN_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        return () -> scans.cancel(false);
    }

    /** Looks for kernel threads not yet lowered, in the background. */
    static void lowerSoon() {
        long last = LAST_SCAN.get();
        long now = System.nanoTime();
        if (NICE <= 0 || !Files.isDirectory(TASKS) || now - last < MIN_INTERVAL_NANOS || !LAST_SCAN.compareAndSet(last, now)) {
            return;
        }
        SCANNER.execute(KernelThreadPriority::lowerNow);
    }

    private static void lowerNow() {
        List<String> python = new ArrayList<>();
        List<String> compilers = new ArrayList<>();
        try {
            threads().forEach((tid, name) -> {
                if (!LOWERED.contains(tid)) {
                    if (PYTHON.stream().anyMatch(name::startsWith)) {
                        python.add(tid);
                    } else if (COMPILERS.stream().anyMatch(name::startsWith)) {
                        compilers.add(tid);
                    }
                }
            });
        } catch (IOException e) {
            return;
        }
        renice(NICE, python);
        renice(COMPILER_NICE, compilers);
    }

    private static void renice(int nice, List<String> tids) {
        if (tids.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("renice", "-n", Integer.toString(nice), "-p"));
        command.addAll(tids);
        try {
            Process renice = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (renice.waitFor(5, TimeUnit.SECONDS)) {
                LOWERED.addAll(tids);
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
