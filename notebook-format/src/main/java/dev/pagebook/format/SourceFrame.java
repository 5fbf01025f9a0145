package dev.pagebook.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pagebook.format.model.PyScriptConfig;
import dev.pagebook.format.pyscript.RuntimeVersions;
import org.jsoup.nodes.Entities;
import java.util.Set;

/**
 * The page around the cells, as read: exact prologue/epilogue text plus where the metadata and
 * config elements sit in the prologue, so the writer can change them without touching the rest.
 *
 * @param metadataContent  span of the pagebook-metadata element's JSON text inside the prologue, or null
 * @param metadataTree     the JSON as read (compared with the model to decide whether to rewrite), or null
 * @param headInsert       where new head elements go in the prologue (before {@code </head>} or {@code <body>})
 * @param configElement    span of the whole {@code <py-config>} element if it is in the prologue, or null
 * @param config           the config as read
 * @param configCellId     the Python cell whose {@code config} attribute holds the config, or null
 * @param documentIds      every element id in the page, so assigned cell ids never collide
 */
record SourceFrame(String prologue, String epilogue, boolean bom, String lineSeparator,
                   Span metadataContent, JsonNode metadataTree, int headInsert,
                   Span configElement, PyScriptConfig config, String configCellId,
                   Set<String> documentIds) {

    record Span(int start, int end) {
    }

    static SourceFrame page(String title) {
        RuntimeVersions runtime = RuntimeVersions.bundled();
        String prologue = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + Entities.escape(title) + "</title>\n"
                + "<link rel=\"stylesheet\" href=\"" + runtime.coreCssUrl() + "\">\n"
                + "<script type=\"module\" src=\"" + runtime.coreUrl() + "\"></script>\n"
                + "</head>\n<body>\n";
        return new SourceFrame(prologue, "</body>\n</html>\n", false, "\n", null, null,
                prologue.indexOf("</head>"), null, PyScriptConfig.NONE, null, Set.of());
    }

    static SourceFrame blank() {
        String prologue = "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n</head>\n<body>\n";
        return new SourceFrame(prologue, "</body>\n</html>\n", false, "\n", null, null,
                prologue.indexOf("</head>"), null, PyScriptConfig.NONE, null, Set.of());
    }
}
