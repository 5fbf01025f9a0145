package dev.pagebook.installer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites jars without the native libraries at their top level ({@code *.so}, {@code *.dll},
 * {@code *.dylib}). The installer image carries JavaFX's libraries unpacked next to its jars, where
 * JavaFX loads them from; the copies inside the jars would only double the package's size
 * (WebKit's alone is 121 MB). Args: the jars to rewrite, in place.
 */
public final class JarWithoutNatives {

    private JarWithoutNatives() {
    }

    public static void main(String[] args) throws IOException {
        for (String jar : args) {
            int removed = strip(Path.of(jar));
            System.out.println(jar + ": " + removed + " native libraries left out");
        }
    }

    /** Rewrites {@code jar} (through a temporary file, then a rename); returns how many entries it left out. */
    static int strip(Path jar) throws IOException {
        Path rewritten = jar.resolveSibling(jar.getFileName() + ".rewriting");
        int removed = 0;
        try (ZipFile in = new ZipFile(jar.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(rewritten))) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (isTopLevelNativeLibrary(entry.getName())) {
                    removed++;
                    continue;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                try (InputStream data = in.getInputStream(entry)) {
                    data.transferTo(out);
                }
                out.closeEntry();
            }
        } catch (IOException e) {
            Files.deleteIfExists(rewritten);
            throw e;
        }
        Files.move(rewritten, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return removed;
    }

    static boolean isTopLevelNativeLibrary(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !name.contains("/") && (lower.endsWith(".so") || lower.endsWith(".dll") || lower.endsWith(".dylib"));
    }
}
