package dev.pagebook.format.model;

import java.util.Objects;

/** The kernel that produced the saved outputs, e.g. {@code graalpy 25.0.3, Python 3.12}. */
public record KernelInfo(String name, String version, String languageVersion) {
    public KernelInfo {
        Objects.requireNonNull(name, "name");
    }
}
