package dev.pagebook.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarWithoutNativesTest {

    @TempDir
    Path dir;

    @Test
    void leavesOutTopLevelNativeLibrariesAndKeepsEverythingElse() throws IOException {
        Path jar = dir.resolve("javafx-web-linux.jar");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (String name : List.of("META-INF/MANIFEST.MF", "libjfxwebkit.so", "glass.dll", "libglass.dylib",
                    "com/sun/webkit/WebPage.class", "META-INF/native/libkept.so")) {
                out.putNextEntry(new ZipEntry(name));
                out.write(("content of " + name).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }

        assertThat(JarWithoutNatives.strip(jar)).isEqualTo(3);

        try (ZipFile rewritten = new ZipFile(jar.toFile())) {
            assertThat(rewritten.stream().map(ZipEntry::getName))
                    .containsExactly("META-INF/MANIFEST.MF", "com/sun/webkit/WebPage.class", "META-INF/native/libkept.so");
            assertThat(new String(rewritten.getInputStream(rewritten.getEntry("com/sun/webkit/WebPage.class")).readAllBytes(),
                    StandardCharsets.UTF_8)).isEqualTo("content of com/sun/webkit/WebPage.class");
        }
        try (JarFile asJar = new JarFile(jar.toFile())) {
            assertThat(asJar.getManifest()).isNotNull();
        }
        assertThat(dir.resolve("javafx-web-linux.jar.rewriting")).doesNotExist();
    }
}
