package dev.pagebook.kernel.host;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The command line that starts a kernel host JVM like the one running now (same runtime, module
 * path, JIT flags and AOT cache), followed by the socket's path.
 *
 * @param prefix everything before the socket's path
 */
public record HostCommand(List<String> prefix) {

    /** The first argument of the app's launcher that runs {@link KernelHostMain} instead of the app. */
    public static final String LAUNCHER_ARGUMENT = "kernel-host";
    /** JVM options added for hosts unless {@code -Dpagebook.kernel.hostOptions} gives others. */
    public static final String DEFAULT_HOST_OPTIONS = "-Xms256m";
    /** What jpackage's launcher sets in the environment of the app it starts (seen with JPACKAGE_DEBUG=true). */
    static final String JPACKAGE_LAUNCHER_MARK = "_JPACKAGE_LAUNCHER";

    public HostCommand {
        prefix = List.copyOf(prefix);
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("empty host command");
        }
    }

    List<String> withSocket(String socket) {
        List<String> command = new ArrayList<>(prefix);
        command.add(socket);
        return command;
    }

    /**
     * How this process was started, with {@link KernelHostMain} as its main class; empty when
     * that cannot be told (then the app runs kernels in its own process).
     *
     * <ul>
     *   <li>An installed app (jpackage) is its launcher: the host is that launcher with
     *       {@value #LAUNCHER_ARGUMENT}, which the app's main method hands to KernelHostMain.</li>
     *   <li>Otherwise the JVM's own command line (Linux and macOS report it): its options up to
     *       the main class (or {@code -jar}'s jar), without the debugger agent and the options of
     *       an AOT training run, which belong to this process alone.</li>
     * </ul>
     */
    public static Optional<HostCommand> ofThisProcess() {
        String appPath = System.getProperty("jpackage.app-path");
        if (appPath != null) {
            return Optional.of(new HostCommand(List.of(appPath, LAUNCHER_ARGUMENT)));
        }
        ProcessHandle.Info self = ProcessHandle.current().info();
        String javaCommand = System.getProperty("sun.java.command", "");
        if (self.command().isEmpty() || self.arguments().isEmpty() || javaCommand.isBlank()) {
            return Optional.empty();
        }
        return ofJavaCommandLine(self.command().get(), List.of(self.arguments().get()), javaCommand.split(" ")[0]);
    }

    /** {@code java ARGS}, whose main class (or jar after {@code -jar}) is {@code main}. */
    static Optional<HostCommand> ofJavaCommandLine(String java, List<String> args, String main) {
        int at = args.indexOf(main);
        if (at < 0) {
            return Optional.empty();
        }
        List<String> prefix = new ArrayList<>();
        prefix.add(java);
        List<String> options = args.subList(0, at);
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            if (option.equals("-jar") && i == options.size() - 1) {
                // The jar's manifest (its Class-Path) still applies with -cp.
                prefix.add("-cp");
            } else if (!belongsToThisProcessOnly(option)) {
                prefix.add(option);
            }
        }
        if (prefix.get(prefix.size() - 1).equals("-cp")) {
            prefix.add(main);
        }
        // Options for hosts alone; later options win over the inherited ones. The app's -Xms1g
        // (fewer collections in allocation-heavy cells) cost each host ~300-800 MB more resident
        // memory, with no clear difference in the kernel benchmark's timings (two runs, docs/kernel.md).
        for (String extra : System.getProperty("pagebook.kernel.hostOptions", DEFAULT_HOST_OPTIONS).trim().split("\\s+")) {
            if (!extra.isEmpty()) {
                prefix.add(extra);
            }
        }
        // A host runs in the notebook's folder; the report of a crash in native code goes elsewhere.
        prefix.add("-XX:ErrorFile=" + Path.of(System.getProperty("java.io.tmpdir"), "pagebook-kernel-hs_err_pid%p.log"));
        prefix.add(KernelHostMain.class.getName());
        return Optional.of(new HostCommand(prefix));
    }

    /**
     * Takes this process's own options (as above) out of the JVM's option variables a host would
     * inherit: an installed app's start-up training passes {@code -XX:AOTCacheOutput} through
     * {@code JAVA_TOOL_OPTIONS}, and a host recording into the same file spoiled the cache.
     * Also drops {@value #JPACKAGE_LAUNCHER_MARK}: jpackage's Linux launcher sets it for the JVM it
     * starts, and a launcher that inherits it takes its arguments for the JVM's own (it tried to
     * load a main class "kernel-host", so the installed app had no kernel).
     */
    static void cleanEnvironment(Map<String, String> environment) {
        environment.remove(JPACKAGE_LAUNCHER_MARK);
        for (String name : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")) {
            String options = environment.get(name);
            if (options == null) {
                continue;
            }
            String kept = Arrays.stream(options.trim().split("\\s+"))
                    .filter(option -> !belongsToThisProcessOnly(option)).collect(Collectors.joining(" "));
            if (kept.isEmpty()) {
                environment.remove(name);
            } else {
                environment.put(name, kept);
            }
        }
    }

    private static boolean belongsToThisProcessOnly(String option) {
        return option.startsWith("-agentlib:jdwp") || option.startsWith("-XX:AOTCacheOutput")
                || option.startsWith("-XX:AOTMode") || option.startsWith("-XX:AOTConfiguration")
                || option.startsWith("-XX:ArchiveClassesAtExit");
    }
}
