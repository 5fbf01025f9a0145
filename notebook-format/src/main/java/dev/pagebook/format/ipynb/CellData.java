package dev.pagebook.format.ipynb;

/**
 * Markdown and raw .ipynb cells live in a page as HTML that a browser shows, wrapped with their
 * exact .ipynb cell JSON so an export gives them back (docs/format.md, "Markdown and raw cells").
 */
public final class CellData {
    private CellData() {
    }

    /** Class of the wrapper {@code <div>} of an imported markdown cell. */
    public static final String MARKDOWN_CLASS = "pagebook-markdown";
    /** Class of the wrapper {@code <div>} of an imported raw cell. */
    public static final String RAW_CLASS = "pagebook-raw";
    /** Class of the {@code <script type="application/json">} inside a wrapper holding the cell JSON. */
    public static final String DATA_CLASS = "pagebook-cell-data";
}
