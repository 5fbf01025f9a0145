package dev.pagebook.kernel;

import org.graalvm.polyglot.Engine;

/**
 * One polyglot Engine per process: every kernel context shares its compiled code and parsed
 * sources, so a restart or a second notebook starts warm.
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
        // Measured on 2 cores (docs/kernel.md): latency mode reaches peak speed sooner and
        // costs less compile time at start. A -Dpolyglot.engine.* property overrides these.
        if (compilerOptions) {
            defaultOption(builder, "engine.Mode", "latency");
        }
        defaultOption(builder, "engine.WarnInterpreterOnly", "false");
        return builder.build();
    }

    private static void defaultOption(Engine.Builder builder, String name, String value) {
        if (System.getProperty("polyglot." + name) == null) {
            builder.option(name, value);
        }
    }

    /** "Graal" when the JIT compiles Python, "Interpreted" without it. */
    static String compilerName() {
        return get().getImplementationName();
    }
}
