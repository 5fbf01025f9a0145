package dev.pagebook.kernel.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostCommandTest {

    private static final String HOST_MAIN = KernelHostMain.class.getName();
    private static final String ERROR_FILE = "-XX:ErrorFile=" + java.nio.file.Path.of(System.getProperty("java.io.tmpdir"),
            "pagebook-kernel-hs_err_pid%p.log");

    @Test
    void theLaunchersJvmOptionsStayAndTheAppsArgumentsGo() {
        List<String> args = List.of("@/opt/pagebook.args", "-XX:AOTCache=/c/app.aot", "-Dpagebook.venv.builder=/b.sh",
                "dev.pagebook.app.Main", "open", "/home/me/notes.html");
        assertThat(HostCommand.ofJavaCommandLine("/rt/bin/java", args, "dev.pagebook.app.Main").orElseThrow().withSocket("/tmp/s"))
                .containsExactly("/rt/bin/java", "@/opt/pagebook.args", "-XX:AOTCache=/c/app.aot",
                        "-Dpagebook.venv.builder=/b.sh", "-Xms256m", ERROR_FILE, HOST_MAIN, "/tmp/s");
    }

    @Test
    void aTrainingRunsAotOutputAndADebuggerAreThisProcesssAlone() {
        List<String> args = List.of("-agentlib:jdwp=transport=dt_socket,server=y,address=5005", "-XX:AOTCacheOutput=/c/new.aot",
                "-XX:AOTMode=record", "-XX:AOTConfiguration=/c/x.conf", "-Xms1g", "dev.pagebook.app.Main", "train-startup");
        assertThat(HostCommand.ofJavaCommandLine("java", args, "dev.pagebook.app.Main").orElseThrow().prefix())
                .containsExactly("java", "-Xms1g", "-Xms256m", ERROR_FILE, HOST_MAIN);
    }

    @Test
    void aJarsManifestClassPathIsKeptThroughCp() {
        List<String> args = List.of("-Xss16m", "-jar", "/t/surefirebooter.jar", "/t", "x");
        assertThat(HostCommand.ofJavaCommandLine("java", args, "/t/surefirebooter.jar").orElseThrow().prefix())
                .containsExactly("java", "-Xss16m", "-cp", "/t/surefirebooter.jar", "-Xms256m", ERROR_FILE, HOST_MAIN);
    }

    @Test
    void aTrainingRunsAotOutputInTheEnvironmentIsNotInherited() {
        Map<String, String> environment = new HashMap<>(Map.of(
                "JAVA_TOOL_OPTIONS", "-XX:AOTCacheOutput=/opt/pagebook/lib/app/pagebook.aot.tmp",
                "JDK_JAVA_OPTIONS", "-Xlog:class+load=info  -XX:AOTMode=record",
                "PATH", "/usr/bin"));
        HostCommand.cleanEnvironment(environment);
        assertThat(environment).containsOnly(Map.entry("JDK_JAVA_OPTIONS", "-Xlog:class+load=info"),
                Map.entry("PATH", "/usr/bin"));
    }

    @Test
    void theMarkOfJpackagesLauncherIsNotInherited() {
        Map<String, String> environment = new HashMap<>(Map.of(
                "_JPACKAGE_LAUNCHER", "0", "LANG", "C.UTF-8"));
        HostCommand.cleanEnvironment(environment);
        assertThat(environment).containsOnly(Map.entry("LANG", "C.UTF-8"));
    }

    @Test
    void aCommandLineWithoutItsMainClassGivesNoHost() {
        assertThat(HostCommand.ofJavaCommandLine("java", List.of("-Xms1g", "Other"), "dev.pagebook.app.Main")).isEmpty();
    }
}
