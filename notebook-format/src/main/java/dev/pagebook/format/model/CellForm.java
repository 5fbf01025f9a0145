package dev.pagebook.format.model;

/** How a Python cell is written in the page (kept so a page is written back the way it was read). */
public enum CellForm {
    /** {@code <script type="py">} — the current PyScript form and the default. */
    SCRIPT_PY("script", "py"),
    /** {@code <script type="mpy">} — MicroPython. */
    SCRIPT_MPY("script", "mpy"),
    /** {@code <py-script>} — custom element; its text is HTML, so {@code <}/{@code &} are entity-escaped. */
    PY_SCRIPT("py-script", null),
    /** {@code <mpy-script>} — MicroPython custom element. */
    MPY_SCRIPT("mpy-script", null);

    private final String tagName;
    private final String type;

    CellForm(String tagName, String type) {
        this.tagName = tagName;
        this.type = type;
    }

    public String tagName() {
        return tagName;
    }

    /** The {@code type} attribute for {@code <script>} forms, null for custom elements. */
    public String type() {
        return type;
    }

    public boolean isCustomElement() {
        return type == null;
    }

    public boolean isMicroPython() {
        return this == SCRIPT_MPY || this == MPY_SCRIPT;
    }

    /** The custom-element twin used when the source cannot be written raw inside {@code <script>}. */
    public CellForm customElementForm() {
        return isMicroPython() ? MPY_SCRIPT : PY_SCRIPT;
    }
}
