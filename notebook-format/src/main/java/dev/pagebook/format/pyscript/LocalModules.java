package dev.pagebook.format.pyscript;

import dev.pagebook.format.NotebookFormatException;
import dev.pagebook.format.PageText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The notebook's own modules that its cells import: a {@code helpers.py} or a package folder next
 * to the notebook, which the kernel imports from the notebook's folder. The exported page carries
 * their sources and the page runtime puts them last on the browser's {@code sys.path}, as the
 * kernel does, so the page finds them wherever it is opened and they hide no installed package.
 *
 * @param files relative path (with {@code /}) to source text
 * @param notes what the user should know, one line each
 */
record LocalModules(Map<String, String> files, List<String> notes) {

    LocalModules {
        files = Collections.unmodifiableMap(new TreeMap<>(files));
        notes = List.copyOf(notes);
    }

    /** More than this is not a notebook's helper module; the page would carry it to every reader. */
    static final long MAX_BYTES = 2_000_000;

    static final LocalModules NONE = new LocalModules(Map.of(), List.of());

    /** The modules of {@code imported} found in {@code folder} (null: none). */
    static LocalModules find(Path folder, Set<String> imported) {
        if (folder == null) {
            return NONE;
        }
        Map<String, String> files = new TreeMap<>();
        List<String> notes = new ArrayList<>();
        long bytes = 0;
        List<String> found = new ArrayList<>();
        for (String module : imported) {
            List<Path> sources = sourcesOf(folder, module);
            if (sources.isEmpty()) {
                continue;
            }
            for (Path source : sources) {
                String relative = folder.relativize(source).toString().replace('\\', '/');
                try {
                    bytes += Files.size(source);
                    if (bytes > MAX_BYTES) {
                        throw new ExportException("the cells import " + module + " from the notebook's folder, and its modules"
                                + " come to more than " + MAX_BYTES / 1_000_000 + " MB: too large to put into the page");
                    }
                    files.put(relative, PageText.decode(Files.readAllBytes(source), source.toString()).text());
                } catch (NotebookFormatException e) {
                    throw new ExportException(e.getMessage() + " (the cells import it from the notebook's folder)");
                } catch (IOException e) {
                    throw new ExportException("cannot read " + source + " (the cells import it): " + e.getMessage());
                }
            }
            found.add(module);
        }
        if (!found.isEmpty()) {
            notes.add("the cells import " + String.join(", ", found) + " from the notebook's folder: "
                    + String.join(", ", files.keySet()) + " are in the page");
        }
        return new LocalModules(files, notes);
    }

    /** {@code module.py}, or every {@code .py} of the package folder {@code module/}; empty if neither. */
    private static List<Path> sourcesOf(Path folder, String module) {
        Path single = folder.resolve(module + ".py");
        if (Files.isRegularFile(single)) {
            return List.of(single);
        }
        Path pkg = folder.resolve(module);
        if (!Files.isRegularFile(pkg.resolve("__init__.py"))) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(pkg)) {
            return walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".py"))
                    .filter(p -> isSource(pkg.relativize(p))).sorted().toList();
        } catch (IOException e) {
            throw new ExportException("cannot read " + pkg + " (the cells import it): " + e.getMessage());
        }
    }

    /** Not in a hidden folder or {@code __pycache__}. */
    private static boolean isSource(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.startsWith(".") || name.equals("__pycache__")) {
                return false;
            }
        }
        return true;
    }
}
