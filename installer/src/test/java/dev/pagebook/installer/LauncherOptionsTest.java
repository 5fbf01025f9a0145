package dev.pagebook.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherOptionsTest {

    @TempDir
    Path tmp;

    @Test
    void theClassPathIsLeftToJpackageAndJitFlagsPassThrough() {
        Path target = tmp.resolve("app/target");
        LauncherOptions.Translation t = LauncherOptions.translate(List.of(
                "-cp", target.resolve("lib") + "/*",
                "-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI",
                "--enable-native-access=ALL-UNNAMED,org.graalvm.truffle"), target);

        assertThat(t.javaOptions()).containsExactly("-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI",
                "--enable-native-access=ALL-UNNAMED,org.graalvm.truffle");
        assertThat(t.carriedFiles()).isEmpty();
    }

    @Test
    void pathsIntoTheAppsLibPointAtAppdir() {
        Path lib = tmp.resolve("app/target/lib");
        LauncherOptions.Translation t = LauncherOptions.translate(List.of(
                "--module-path", lib.resolve("polyglot-25.0.3.jar") + java.io.File.pathSeparator + lib.resolve("truffle-api-25.0.3.jar"),
                "--add-modules=org.graalvm.polyglot"), tmp.resolve("app/target"));

        assertThat(t.javaOptions()).containsExactly("--module-path",
                "$APPDIR/polyglot-25.0.3.jar" + java.io.File.pathSeparator + "$APPDIR/truffle-api-25.0.3.jar",
                "--add-modules=org.graalvm.polyglot");
    }

    @Test
    void otherFilesOfAppTargetAreCarriedBesideTheApp() {
        Path target = tmp.resolve("app/target");
        Path compiler = target.resolve("jit/compiler-25.0.3.jar");
        LauncherOptions.Translation t = LauncherOptions.translate(
                List.of("--upgrade-module-path=" + compiler), target);

        assertThat(t.javaOptions()).containsExactly("--upgrade-module-path=$APPDIR/../jit/compiler-25.0.3.jar");
        assertThat(t.carriedFiles()).isEqualTo(Map.of(compiler, "jit/compiler-25.0.3.jar"));
    }

    @Test
    void existingFilesOutsideAppTargetAreCarriedToo() throws IOException {
        Path jar = Files.createFile(tmp.resolve("compiler.jar"));
        LauncherOptions.Translation t = LauncherOptions.translate(
                List.of("--upgrade-module-path", jar.toString(), "-Djava.io.tmpdir=/var/tmp/none-such"), tmp.resolve("app/target"));

        assertThat(t.javaOptions()).containsExactly("--upgrade-module-path", "$APPDIR/../launcher-files/compiler.jar",
                "-Djava.io.tmpdir=/var/tmp/none-such");
        assertThat(t.carriedFiles()).isEqualTo(Map.of(jar, "launcher-files/compiler.jar"));
    }

    @Test
    void aClassPathOutsideTheAppsLibCannotBeInstalled() {
        assertThatThrownBy(() -> LauncherOptions.translate(List.of("-cp", "/usr/share/java/x.jar"), tmp.resolve("app/target")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/usr/share/java/x.jar").hasMessageContaining("outside");
    }

    @Test
    void mainWritesTheOptionsAndCopiesTheCarriedFiles() throws IOException {
        Path target = tmp.resolve("app/target");
        Path compiler = target.resolve("jit/compiler.jar");
        Files.createDirectories(compiler.getParent());
        Files.writeString(compiler, "jar bytes");
        Path argFile = Files.writeString(target.resolve("pagebook.args"),
                "-cp\n\"" + target.resolve("lib") + "/*\"\n--upgrade-module-path=\"" + compiler + "\"\n-XX:+EnableJVMCI\n");
        Path out = tmp.resolve("out");

        LauncherOptions.main(new String[] {argFile.toString(), target.toString(), out.toString()});

        assertThat(Files.readAllLines(out.resolve("java-options.txt")))
                .containsExactly("--upgrade-module-path=$APPDIR/../jit/compiler.jar", "-XX:+EnableJVMCI");
        assertThat(out.resolve("lib/jit/compiler.jar")).hasContent("jar bytes");
    }
}
