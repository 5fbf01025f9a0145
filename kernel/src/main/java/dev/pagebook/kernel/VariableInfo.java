package dev.pagebook.kernel;

/** One name in the kernel's namespace, for the variables view. */
public record VariableInfo(String name, String type, String shortRepr, String size) {
}
