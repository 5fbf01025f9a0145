package dev.pagebook.kernel;

/** One completion candidate replacing {@code code[start, end)}. */
public record Completion(String text, String type, int start, int end) {
}
