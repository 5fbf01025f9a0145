package dev.pagebook.format.py;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagebook.format.Notebook;
import dev.pagebook.format.NotebookReader;
import dev.pagebook.format.ipynb.IpynbReader;
import org.junit.jupiter.api.Test;

class PyFileExporterTest {

    @Test
    void cellsBecomePercentBlocksAndHtmlBecomesComments() throws Exception {
        Notebook nb = NotebookReader.read("<body>\n<h1>Title</h1>\n<p>two\nlines</p>\n"
                + "  <script type=\"py\">\n    import math\n    print(math.pi)\n  </script>\n<script type=\"py\">x = 1</script>\n</body>");
        assertThat(PyFileExporter.write(nb)).isEqualTo("""
                # %% [markdown]
                # <h1>Title</h1>
                # <p>two
                # lines</p>

                # %%
                import math
                print(math.pi)

                # %%
                x = 1
                """);
    }

    @Test
    void importedMarkdownAndRawCellsComeBackAsTheirSource() throws Exception {
        Notebook nb = IpynbReader.read("""
                {"nbformat": 4, "nbformat_minor": 4, "metadata": {}, "cells": [
                 {"cell_type": "markdown", "metadata": {}, "source": "# Head\\n\\ntext"},
                 {"cell_type": "raw", "metadata": {}, "source": "raw text"},
                 {"cell_type": "code", "metadata": {}, "execution_count": null, "outputs": [], "source": "print(1)"}]}
                """, "n.ipynb", "n");
        assertThat(PyFileExporter.write(nb)).isEqualTo("# %% [markdown]\n# # Head\n#\n# text\n\n# %% [raw]\n# raw text\n\n# %%\nprint(1)\n");
    }
}
