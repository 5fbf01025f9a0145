package dev.pagebook.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The kernel's Python packages ({@code pagebook_kernel}, {@code pyscript}, and the magics shared
 * with exported pages) copied from the jars to a folder named by their content hash, so GraalPy
 * can import them from disk and cache their bytecode next to it; unchanged helpers are extracted
 * once per machine.
 */
final class PythonHelpers {

    private static final String ROOT = "/dev/pagebook/kernel/python";
    /** Shared with exported pages (notebook-format), so a magic means the same in both. */
    private static final String SHARED_MAGICS = "/dev/pagebook/format/python/pagebook_magics.py";
    private static volatile Path extracted;

    private PythonHelpers() {
    }

    /** The folder to put on sys.path. */
    static Path directory(Path cacheRoot) {
        Path dir = extracted;
        if (dir == null) {
            synchronized (PythonHelpers.class) {
                if (extracted == null) {
                    extracted = extract(cacheRoot);
                }
                dir = extracted;
            }
        }
        return dir;
    }

    private static Path extract(Path cacheRoot) {
        try {
            Map<String, byte[]> files = read();
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.forEach((name, bytes) -> {
                digest.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update(bytes);
            });
            String hash = HexFormat.of().formatHex(digest.digest()).substring(0, 16);
            Path target = cacheRoot.resolve("python-helpers").resolve(hash);
            if (Files.isDirectory(target)) {
                return target;
            }
            Path staging = Files.createDirectories(cacheRoot.resolve("python-helpers"))
                    .resolve(hash + ".tmp" + ProcessHandle.current().pid());
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path out = staging.resolve(file.getKey());
                Files.createDirectories(out.getParent());
                Files.write(out, file.getValue());
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!Files.isDirectory(target)) {
                    throw raced;
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the kernel's Python helpers", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, byte[]> read() throws IOException {
        Map<String, byte[]> files = readOwn();
        try (var in = PythonHelpers.class.getResourceAsStream(SHARED_MAGICS)) {
            if (in == null) {
                throw new IOException(SHARED_MAGICS + " is missing from the class path");
            }
            files.put("pagebook_kernel/magics.py", in.readAllBytes());
        }
        return files;
    }

    private static Map<String, byte[]> readOwn() throws IOException {
        URI uri;
        try {
            uri = PythonHelpers.class.getResource(ROOT).toURI();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IOException("the kernel's Python helpers are missing from the class path", e);
        }
        if ("jar".equals(uri.getScheme())) {
            FileSystem fs;
            try {
                fs = FileSystems.newFileSystem(uri, Map.of());
            } catch (FileSystemAlreadyExistsException e) {
                fs = FileSystems.getFileSystem(uri);
            }
            return readTree(fs.getPath(ROOT));
        }
        return readTree(Path.of(uri));
    }

    private static Map<String, byte[]> readTree(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> paths = walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".py")).toList();
            for (Path p : paths) {
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return files;
    }
}
