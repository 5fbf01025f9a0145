package dev.pagebook.kernel;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which heavy, side-effect-free libraries a notebook imports, so the kernel can load them while
 * the user is still reading ({@link KernelOptions#warmImports()}). Under GraalPy importing numpy
 * or pyplot costs seconds; the notebook's own modules are never imported ahead of time.
 */
public final class WarmImports {

    /** Top-level packages whose import only defines things (no output, no files, no network). */
    private static final Set<String> WARMABLE = Set.of("numpy", "matplotlib", "pandas", "scipy", "PIL", "sympy");
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+([\\w.]+(?:\\s+as\\s+\\w+)?(?:\\s*,\\s*[\\w.]+(?:\\s+as\\s+\\w+)?)*)",
            Pattern.MULTILINE);
    private static final Pattern FROM_IMPORT = Pattern.compile("^\\s*from\\s+([\\w.]+)\\s+import[ \\t]+\\(?[ \\t]*([\\w \\t,]+)",
            Pattern.MULTILINE);

    private WarmImports() {
    }

    /** The warmable modules the given cell sources import, in first-seen order. */
    public static List<String> in(Collection<String> cellSources) {
        Set<String> modules = new LinkedHashSet<>();
        for (String source : cellSources) {
            Matcher plain = IMPORT.matcher(source);
            while (plain.find()) {
                for (String part : plain.group(1).split(",")) {
                    add(modules, part.trim().split("\\s+")[0]);
                }
            }
            Matcher from = FROM_IMPORT.matcher(source);
            while (from.find()) {
                String base = from.group(1);
                add(modules, base);
                if (base.equals("matplotlib") && from.group(2).matches("(?s).*\\bpyplot\\b.*")) {
                    add(modules, "matplotlib.pyplot");
                }
            }
        }
        return List.copyOf(modules);
    }

    private static void add(Set<String> modules, String module) {
        if (WARMABLE.contains(module.split("\\.")[0])) {
            modules.add(module);
        }
    }
}
