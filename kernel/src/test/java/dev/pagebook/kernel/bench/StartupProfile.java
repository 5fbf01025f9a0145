package dev.pagebook.kernel.bench;

import java.lang.management.ManagementFactory;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;

/** Throwaway: where does kernel start-up time go. */
public final class StartupProfile {
    public static void main(String[] args) throws Exception {
        long jvm = ManagementFactory.getRuntimeMXBean().getStartTime();
        t("main", jvm);
        Engine engine = Engine.newBuilder("python").allowExperimentalOptions(true)
                .option("engine.Mode", System.getProperty("mode", "latency")).option("engine.WarnInterpreterOnly", "false").build();
        t("engine", jvm);
        Context c = Context.newBuilder("python").engine(engine).allowAllAccess(true).allowExperimentalOptions(true)
                .option("python.WarnExperimentalFeatures", "false").build();
        t("context built", jvm);
        c.eval("python", "1+1");
        t("first eval", jvm);
        c.eval("python", "import sys, os, io, traceback, inspect, json, ast");
        t("stdlib imports", jvm);
        Context c2 = Context.newBuilder("python").engine(engine).allowAllAccess(true).allowExperimentalOptions(true)
                .option("python.WarnExperimentalFeatures", "false").build();
        c2.eval("python", "1+1");
        t("second context first eval", jvm);
        c2.eval("python", "import sys, os, io, traceback, inspect, json, ast");
        t("second stdlib imports", jvm);
        System.exit(0);
    }

    private static void t(String what, long jvm) {
        System.out.printf("%-30s %6d ms%n", what, System.currentTimeMillis() - jvm);
    }
}
