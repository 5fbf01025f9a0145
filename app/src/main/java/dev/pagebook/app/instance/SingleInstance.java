package dev.pagebook.app.instance;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Keeps one Pagebook window process per user: a second launch hands its files to the running one.
 *
 * <p>The first launch takes an OS file lock, which the OS drops when the process dies, so a crash
 * never leaves a stale claim, and listens on a unix-domain socket beside it. The directory is
 * readable by its owner only, so only the same user's processes can connect: local by construction,
 * with no port to guess and no token to leak.
 *
 * <p>The app's startup calls {@link #tryForward} (exit when it returns true), then, once it can open
 * files, {@link #listen}.
 */
public final class SingleInstance implements AutoCloseable {

    private static final Duration FORWARD_PATIENCE = Duration.ofSeconds(5);
    private static final String OK = "ok\n";

    private static SingleInstance primary;

    private final Path socketPath;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final ServerSocketChannel server;
    private final List<OpenRequest> pending = new ArrayList<>();
    private Consumer<OpenRequest> listener;

    private SingleInstance(Path socketPath, FileChannel lockChannel, FileLock lock, ServerSocketChannel server) {
        this.socketPath = socketPath;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.server = server;
    }

    /** {@code ~/.cache/pagebook/instance}: per user, outside any notebook folder. */
    public static Path defaultDirectory() {
        return Path.of(System.getProperty("user.home"), ".cache", "pagebook", "instance");
    }

    /**
     * Forwards {@code files} to a running Pagebook and returns true (the caller then exits), or makes
     * this process the one later launches forward to and returns false (the caller starts the app).
     * Also returns false, so the app still starts, when the running instance does not answer.
     */
    public static synchronized boolean tryForward(List<Path> files) {
        if (primary != null) {
            return false;
        }
        Path dir = defaultDirectory();
        try {
            Optional<SingleInstance> claimed = claim(dir);
            if (claimed.isPresent()) {
                primary = claimed.get();
                Runtime.getRuntime().addShutdownHook(new Thread(primary::close, "pagebook-instance-release"));
                OsOpenFileEvents.register(opened -> primary.deliver(new OpenRequest(opened)));
                return false;
            }
            return forward(dir, new OpenRequest(files));
        } catch (IOException | UncheckedIOException e) {
            System.err.println("pagebook: cannot reach a running Pagebook (" + e.getMessage() + "); opening a new window");
            return false;
        }
    }

    /**
     * Calls {@code opener} with the files of every open request: forwarded by later launches or sent
     * by the OS (macOS open-file events), including those that arrived before this call. It runs on a
     * background thread (hop to the UI thread yourself); an empty list means "bring the window forward".
     */
    public static synchronized void listen(Consumer<List<Path>> opener) {
        if (primary != null) {
            primary.onOpenRequest(request -> opener.accept(request.files()));
        }
    }

    /** Takes the primary role in {@code dir}, or returns empty when another live process holds it. */
    public static Optional<SingleInstance> claim(Path dir) throws IOException {
        createPrivateDirectory(dir);
        FileChannel channel = FileChannel.open(dir.resolve("instance.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        Path socketPath = dir.resolve("open.sock");
        try {
            // Holding the lock proves no live instance uses this socket file: it is left over from a crash.
            Files.deleteIfExists(socketPath);
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socketPath));
            SingleInstance instance = new SingleInstance(socketPath, channel, lock, server);
            Thread.ofPlatform().daemon().name("pagebook-open-requests").start(instance::acceptLoop);
            return Optional.of(instance);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Sends {@code request} to the primary in {@code dir} and waits for its acknowledgement; retries
     * while the primary is still starting. Returns false when none answered in time.
     */
    public static boolean forward(Path dir, OpenRequest request) {
        return forward(dir, request, FORWARD_PATIENCE);
    }

    static boolean forward(Path dir, OpenRequest request, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(dir.resolve("open.sock"));
        while (true) {
            try (SocketChannel channel = SocketChannel.open(address)) {
                channel.write(ByteBuffer.wrap(request.encode()));
                channel.shutdownOutput();
                ByteBuffer reply = ByteBuffer.allocate(OK.length());
                while (reply.hasRemaining() && channel.read(reply) >= 0) {
                    // keep reading until the short acknowledgement is complete or the peer closes
                }
                return OK.equals(new String(reply.array(), 0, reply.position(), StandardCharsets.UTF_8));
            } catch (IOException notListeningYet) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                sleep(Duration.ofMillis(100));
            }
        }
    }

    /** Delivers queued requests now, later ones as they come. */
    public synchronized void onOpenRequest(Consumer<OpenRequest> newListener) {
        listener = newListener;
        pending.forEach(newListener);
        pending.clear();
    }

    synchronized void deliver(OpenRequest request) {
        if (listener == null) {
            pending.add(request);
        } else {
            listener.accept(request);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(socketPath);
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            // The OS releases the lock when the process ends; a leftover socket file is replaced on the next claim.
        }
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                // One slow or silent client must not hold up the next launch.
                Thread.ofVirtual().name("pagebook-open-request").start(() -> serve(client));
            } catch (ClosedChannelException closed) {
                return;
            } catch (IOException e) {
                System.err.println("pagebook: dropped an open request: " + e.getMessage());
            }
        }
    }

    private void serve(SocketChannel client) {
        try (client) {
            OpenRequest request = OpenRequest.decode(
                    new InputStreamReader(Channels.newInputStream(client), StandardCharsets.UTF_8));
            deliver(request);
            client.write(ByteBuffer.wrap(OK.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            System.err.println("pagebook: ignored a malformed open request: " + e.getMessage());
        }
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } else {
            Files.createDirectories(dir);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
