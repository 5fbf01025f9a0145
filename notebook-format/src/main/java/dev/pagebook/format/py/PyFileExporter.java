package dev.pagebook.format.py;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pagebook.format.Notebook;
import dev.pagebook.format.ipynb.IpynbWriter;
import dev.pagebook.format.json.OutputJson;

/**
 * Exports a notebook as a Python script in the "percent" format understood by Jupytext, VS Code
 * and Spyder: each Python cell is a {@code # %%} block; markdown, raw and HTML cells become
 * commented {@code # %% [markdown]} / {@code # %% [raw]} blocks.
 */
public final class PyFileExporter {
    private PyFileExporter() {
    }

    public static String write(Notebook notebook) {
        StringBuilder sb = new StringBuilder();
        // The .ipynb view already splits HTML cells into markdown/raw/plain-HTML cells.
        for (JsonNode cell : IpynbWriter.toJson(notebook).get("cells")) {
            String type = cell.path("cell_type").asText();
            String source = OutputJson.joined(cell.get("source"));
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            if (type.equals("code")) {
                sb.append("# %%\n").append(source);
            } else {
                sb.append("# %% [").append(type).append("]\n");
                for (String line : source.split("\n", -1)) {
                    sb.append(line.isEmpty() ? "#" : "# " + line).append('\n');
                }
                sb.setLength(sb.length() - 1);
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
