package dev.pagebook.kernel;

import java.util.LinkedHashMap;
import java.util.Map;
import org.graalvm.polyglot.Engine;

/**
 * One polyglot Engine per process: every kernel context shares its compiled code and parsed
 * sources, so a restart or a second notebook starts warm, and every context can load numpy.
 * The price is code compiled for any context: richards ran 1.5-2x slower than on an engine of its
 * own (docs/kernel.md), which is why a {@linkplain KernelOptions#soleKernel() sole kernel} has one.
 */
final class SharedEngine {

    private static Engine engine;

    private SharedEngine() {
    }

    static synchronized Engine get() {
        if (engine == null) {
            try {
                engine = build(true);
            } catch (IllegalArgumentException noCompiler) {
                // No Graal JIT in this JVM (started without the JVMCI flags): engine.Mode does not
                // exist there. Python still runs, interpreted and slower.
                engine = build(false);
            }
        }
        return engine;
    }

    private static Engine build(boolean compilerOptions) {
        Engine.Builder builder = Engine.newBuilder("python").allowExperimentalOptions(true);
        engineOptions(compilerOptions).forEach((name, value) -> builder.option(name, value));
        return builder.build();
    }

    /**
     * The engine options of every kernel, shared engine or its own. Measured on 2 cores
     * (docs/kernel.md): latency mode reaches peak speed sooner and costs less compile time at
     * start. A -Dpolyglot.engine.* property overrides these.
     */
    static Map<String, String> engineOptions(boolean compilerOptions) {
        Map<String, String> options = new LinkedHashMap<>();
        if (compilerOptions) {
            options.put("engine.Mode", "latency");
        }
        options.put("engine.WarnInterpreterOnly", "false");
        options.keySet().removeIf(name -> System.getProperty("polyglot." + name) != null);
        return options;
    }

    /** "Graal" when the JIT compiles Python, "Interpreted" without it. */
    static String compilerName() {
        return get().getImplementationName();
    }
}
