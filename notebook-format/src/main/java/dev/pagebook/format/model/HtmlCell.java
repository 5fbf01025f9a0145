package dev.pagebook.format.model;

import java.util.Objects;

/**
 * The HTML between two Python cells, kept as its exact source text (it need not be a balanced
 * fragment: a Python cell may sit inside a {@code <div>} that opens in one HTML cell and closes
 * in the next). Written back verbatim.
 */
public record HtmlCell(String source) implements Cell {
    public HtmlCell {
        Objects.requireNonNull(source, "source");
    }
}
