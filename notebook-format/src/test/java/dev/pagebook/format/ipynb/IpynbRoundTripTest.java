package dev.pagebook.format.ipynb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pagebook.format.Notebook;
import dev.pagebook.format.NotebookFormatException;
import dev.pagebook.format.NotebookReader;
import dev.pagebook.format.NotebookWriter;
import dev.pagebook.format.model.HtmlCell;
import dev.pagebook.format.model.Output;
import dev.pagebook.format.model.PythonCell;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class IpynbRoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** nbformat 4.5: list sources, ids, every output type, attachments, raw cell, metadata. */
    static final String NB45 = """
            {
             "cells": [
              {"cell_type": "markdown", "id": "intro", "metadata": {"tags": ["title"]},
               "source": ["# Title\\n", "\\n", "Some *text* and a table:\\n", "\\n", "| a | b |\\n", "|---|---|\\n", "| 1 | 2 |\\n", "\\n", "![dot](attachment:dot.png)"],
               "attachments": {"dot.png": {"image/png": "iVBORw0KGgo=\\n"}}},
              {"cell_type": "code", "execution_count": 3, "id": "c1", "metadata": {"collapsed": false},
               "outputs": [
                {"output_type": "stream", "name": "stdout", "text": ["a\\n", "b\\n"]},
                {"output_type": "stream", "name": "stderr", "text": "warn\\n"},
                {"output_type": "execute_result", "execution_count": 3, "metadata": {},
                 "data": {"text/plain": ["1\\n", "2"], "text/html": ["<b>1</b>"], "application/json": {"k": [1, 2]}}},
                {"output_type": "display_data", "metadata": {"image/png": {"width": 10}},
                 "data": {"image/png": "iVBORw0KGgo=\\n", "image/svg+xml": ["<svg></svg>"], "text/plain": ["<Figure>"]}},
                {"output_type": "error", "ename": "ValueError", "evalue": "bad", "traceback": ["\\u001b[31mValueError\\u001b[0m: bad"]}
               ],
               "source": ["import numpy as np\\n", "print('a')\\n", "np.arange(2)"]},
              {"cell_type": "raw", "id": "r1", "metadata": {"format": "text/latex"}, "source": "\\\\section{Raw} </div> <script>"},
              {"cell_type": "code", "execution_count": null, "id": "c2", "metadata": {}, "outputs": [],
               "source": "if True:\\n    s = '</script>'\\n"}
             ],
             "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                          "language_info": {"name": "python", "version": "3.12.1"}},
             "nbformat": 4,
             "nbformat_minor": 5
            }
            """;

    /** nbformat 4.0: no ids, string sources. */
    static final String NB40 = """
            {"cells": [
              {"cell_type": "markdown", "metadata": {}, "source": "Intro"},
              {"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [
                {"output_type": "stream", "name": "stdout", "text": "hi\\n"}], "source": "print('hi')"}
             ], "metadata": {}, "nbformat": 4, "nbformat_minor": 0}
            """;

    private static Notebook importIpynb(String json) throws NotebookFormatException {
        return IpynbReader.read(json, "n.ipynb", "n");
    }

    /** Page text, read back as a page, exported again. */
    private static JsonNode viaPage(String json) throws Exception {
        String page = NotebookWriter.write(importIpynb(json));
        return JSON.readTree(IpynbWriter.write(NotebookReader.read(page)));
    }

    @Test
    void nbformat45KeepsSourcesOutputsCountsIdsAndMetadata() throws Exception {
        JsonNode original = JSON.readTree(NB45);
        JsonNode back = viaPage(NB45);
        assertThat(back.get("nbformat").asInt()).isEqualTo(4);
        assertThat(back.get("metadata")).isEqualTo(original.get("metadata"));
        assertThat(back.get("cells")).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(normalised(back.get("cells").get(i))).as("cell " + i).isEqualTo(normalised(original.get("cells").get(i)));
        }
    }

    @Test
    void nbformat40StringSourcesAndMissingIds() throws Exception {
        JsonNode back = viaPage(NB40);
        assertThat(back.at("/cells/0/cell_type").asText()).isEqualTo("markdown");
        assertThat(join(back.at("/cells/0/source"))).isEqualTo("Intro");
        assertThat(join(back.at("/cells/1/source"))).isEqualTo("print('hi')");
        assertThat(back.at("/cells/1/execution_count").asInt()).isEqualTo(1);
        assertThat(join(back.at("/cells/1/outputs/0/text"))).isEqualTo("hi\n");
        assertThat(back.at("/cells/1/id").asText()).matches("[a-zA-Z0-9_-]+");
    }

    @Test
    void importedPageShowsMarkdownAsHtmlAndCodeAsPyScript() throws Exception {
        Notebook nb = importIpynb(NB45);
        String page = NotebookWriter.write(nb);
        var doc = Jsoup.parse(page);
        assertThat(doc.select("div.pagebook-markdown h1").text()).isEqualTo("Title");
        assertThat(doc.select("div.pagebook-markdown table td")).hasSize(2);
        assertThat(doc.select("div.pagebook-markdown img").attr("src")).isEqualTo("data:image/png;base64,iVBORw0KGgo=");
        assertThat(doc.select("div.pagebook-raw pre").text()).contains("\\section{Raw} </div> <script>");
        assertThat(doc.select("script[src*=@pyscript/core]")).hasSize(1);
        PythonCell c1 = nb.pythonCell("c1").orElseThrow();
        assertThat(c1.executionCount()).isEqualTo(3);
        assertThat(c1.outputs()).hasSize(5).first().isEqualTo(new Output.Stream("stdout", "a\nb\n"));
        assertThat(nb.metadata().cell("c1").ipynbMetadata()).containsEntry("collapsed", false);
        assertThat(NotebookWriter.write(NotebookReader.read(page))).isEqualTo(page);
        assertThat(nb.cells().get(0)).isInstanceOf(HtmlCell.class);
    }

    @Test
    void plainHtmlCellsExportAsMarkdownHoldingTheHtml() throws Exception {
        Notebook nb = NotebookReader.read("<body><h1>Hello</h1>\n<script type=\"py\" id=\"a\">\nx = 1\n</script>\n<p>bye</p>\n</body>");
        JsonNode json = JSON.readTree(IpynbWriter.write(nb));
        assertThat(json.at("/cells/0/cell_type").asText()).isEqualTo("markdown");
        assertThat(join(json.at("/cells/0/source"))).isEqualTo("<h1>Hello</h1>");
        assertThat(join(json.at("/cells/1/source"))).isEqualTo("x = 1");
        assertThat(json.at("/cells/1/execution_count").isNull()).isTrue();
        assertThat(join(json.at("/cells/2/source"))).isEqualTo("<p>bye</p>");
    }

    @Test
    void badNotebooks() {
        assertThatThrownBy(() -> importIpynb("{\"cells\": [}")).isInstanceOf(NotebookFormatException.class)
                .hasMessageStartingWith("n.ipynb: not valid JSON:");
        assertThatThrownBy(() -> importIpynb("{\"cells\": [], \"nbformat\": 3, \"nbformat_minor\": 0}"))
                .hasMessageStartingWith("n.ipynb: unsupported nbformat version 3.0 (Pagebook reads nbformat 4.0-4.5");
        assertThatThrownBy(() -> importIpynb("{\"cells\": [], \"nbformat\": 5}")).hasMessageContaining("unsupported nbformat version 5.0");
        assertThatThrownBy(() -> importIpynb("[1, 2]")).hasMessageContaining("not a Jupyter notebook");
        assertThatThrownBy(() -> importIpynb("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\", \"id\": \"x\", \"source\": \"\"},"
                + "{\"cell_type\": \"code\", \"id\": \"x\", \"source\": \"\"}]}")).hasMessage("n.ipynb: duplicate cell id 'x'");
        assertThatThrownBy(() -> importIpynb("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"widget\"}]}"))
                .hasMessage("n.ipynb: cell 1: unknown cell_type 'widget'");
        assertThatThrownBy(() -> importIpynb("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\", \"source\": \"\","
                + " \"outputs\": [{\"output_type\": \"stream\", \"name\": \"stdfoo\", \"text\": \"\"}]}]}"))
                .hasMessageContaining("cell 1: output 1: stream name must be stdout or stderr");
    }

    private static JsonNode normalised(JsonNode cell) {
        ObjectNode copy = ((ObjectNode) cell).deepCopy();
        copy.put("source", join(cell.get("source")));
        if (copy.has("outputs")) {
            ArrayNode outputs = copy.putArray("outputs");
            for (JsonNode output : cell.get("outputs")) {
                ObjectNode o = ((ObjectNode) output).deepCopy();
                if (o.has("text")) {
                    o.put("text", join(o.get("text")));
                }
                if (o.has("data")) {
                    ObjectNode data = (ObjectNode) o.get("data");
                    for (var it = output.get("data").fields(); it.hasNext(); ) {
                        var e = it.next();
                        data.set(e.getKey(), e.getKey().endsWith("json") ? e.getValue() : JSON.getNodeFactory().textNode(join(e.getValue())));
                    }
                }
                outputs.add(o);
            }
        }
        return copy;
    }

    private static String join(JsonNode node) {
        if (node.isArray()) {
            StringBuilder sb = new StringBuilder();
            node.forEach(n -> sb.append(n.asText()));
            return sb.toString();
        }
        return node.asText();
    }
}
