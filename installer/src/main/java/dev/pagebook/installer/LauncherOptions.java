package dev.pagebook.installer;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns the development launcher's JVM arguments ({@code app/target/pagebook.args}, which
 * {@code bin/pagebook} passes to {@code java}) into jpackage {@code --java-options}, so the installed
 * app starts with the same flags (Graal JIT, module paths) as the development one. Keeping one
 * source of flags means a change to the launcher reaches the installers without a second edit.
 *
 * <p>In a jpackage image the app's jars sit in {@code lib/app} ({@code $APPDIR}); other files the
 * flags name (say a compiler jar on {@code --upgrade-module-path}) are carried to {@code lib/<path
 * relative to app/target>}, or {@code lib/launcher-files/<name>} when they live outside
 * {@code app/target}, and the flags are rewritten to point there.
 */
public final class LauncherOptions {

    private static final Set<String> CLASS_PATH_OPTIONS = Set.of("-cp", "-classpath", "--class-path");
    private static final Pattern PATH_SEPARATOR = Pattern.compile(Pattern.quote(File.pathSeparator));

    /** JVM options for jpackage and the files they name: source file → path under the image's lib folder. */
    public record Translation(List<String> javaOptions, Map<Path, String> carriedFiles) {
    }

    private final Path appTarget;
    private final Path appLib;
    private final Map<Path, String> carried = new LinkedHashMap<>();

    private LauncherOptions(Path appTarget) {
        this.appTarget = appTarget.toAbsolutePath().normalize();
        this.appLib = this.appTarget.resolve("lib");
    }

    public static Translation translate(List<String> args, Path appTarget) {
        LauncherOptions options = new LauncherOptions(appTarget);
        List<String> javaOptions = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (CLASS_PATH_OPTIONS.contains(arg)) {
                // jpackage builds the class path from the jars in lib/app itself.
                options.requireInAppLib(i + 1 < args.size() ? args.get(++i) : "");
            } else if (arg.startsWith("--class-path=")) {
                options.requireInAppLib(arg.substring("--class-path=".length()));
            } else {
                javaOptions.add(options.rewrite(arg));
            }
        }
        return new Translation(List.copyOf(javaOptions), Map.copyOf(options.carried));
    }

    private void requireInAppLib(String classPath) {
        for (String entry : PATH_SEPARATOR.split(classPath)) {
            Path path = Path.of(stripWildcard(entry)).toAbsolutePath().normalize();
            if (!path.startsWith(appLib)) {
                throw new IllegalArgumentException("class path entry " + entry + " is outside " + appLib
                        + "; an installed app only has the jars of that folder on its class path");
            }
        }
    }

    /** Rewrites each absolute path in {@code -Dkey=value}, {@code --opt=a:b} or a bare path argument. */
    private String rewrite(String arg) {
        int equals = arg.indexOf('=');
        String head = equals < 0 ? "" : arg.substring(0, equals + 1);
        String value = equals < 0 ? arg : arg.substring(equals + 1);
        List<String> parts = new ArrayList<>();
        for (String element : PATH_SEPARATOR.split(value, -1)) {
            parts.add(rewritePath(element));
        }
        return head + String.join(File.pathSeparator, parts);
    }

    private String rewritePath(String element) {
        String plain = stripWildcard(element);
        if (plain.isEmpty() || !Path.of(plain).isAbsolute()) {
            return element;
        }
        String wildcard = element.substring(plain.length());
        Path path = Path.of(plain).normalize();
        if (path.startsWith(appLib)) {
            return join("$APPDIR", appLib.relativize(path)) + wildcard;
        }
        String underLib;
        if (path.startsWith(appTarget)) {
            underLib = appTarget.relativize(path).toString();
        } else if (Files.exists(path)) {
            underLib = "launcher-files/" + path.getFileName();
        } else {
            return element;  // not a file of ours (e.g. a system path); leave it as written
        }
        carried.put(path, underLib.replace(File.separatorChar, '/'));
        return join("$APPDIR/..", Path.of(underLib)) + wildcard;
    }

    private static String join(String base, Path relative) {
        String rel = relative.toString().replace(File.separatorChar, '/');
        return rel.isEmpty() ? base : base + "/" + rel;
    }

    private static String stripWildcard(String entry) {
        return entry.endsWith("/*") || entry.endsWith("\\*") ? entry.substring(0, entry.length() - 2) : entry;
    }

    /**
     * {@code LauncherOptions ARGFILE APP_TARGET OUT}: writes {@code OUT/java-options.txt} (one option
     * a line) and copies the carried files into {@code OUT/lib/}, for build-installer.sh.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: LauncherOptions ARGFILE APP_TARGET OUT");
            System.exit(2);
        }
        Path argFile = Path.of(args[0]);
        Path out = Path.of(args[2]);
        Translation translation;
        try {
            translation = translate(JavaArgFile.parse(Files.readString(argFile)), Path.of(args[1]));
        } catch (IllegalArgumentException e) {
            System.err.println("build-installer: " + argFile + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        Files.createDirectories(out);
        Files.write(out.resolve("java-options.txt"), translation.javaOptions());
        for (Map.Entry<Path, String> file : translation.carriedFiles().entrySet()) {
            copyTree(file.getKey(), out.resolve("lib").resolve(file.getValue()));
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> tree = Files.walk(source)) {
            tree.forEach(from -> {
                Path to = target.resolve(source.relativize(from).toString());
                try {
                    if (Files.isDirectory(from)) {
                        Files.createDirectories(to);
                    } else {
                        Files.createDirectories(to.getParent());
                        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
