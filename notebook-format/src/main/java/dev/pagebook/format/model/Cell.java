package dev.pagebook.format.model;

/** One cell of a notebook: Python code or the HTML between Python cells. */
public sealed interface Cell permits PythonCell, HtmlCell {

    /** The cell's text: Python source, or the exact HTML source of the span. */
    String source();
}
