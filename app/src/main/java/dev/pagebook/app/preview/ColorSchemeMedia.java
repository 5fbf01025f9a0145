package dev.pagebook.app.preview;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The page's {@code prefers-color-scheme} media queries answered "dark" while the app is dark, as
 * a browser on a dark desktop answers them. JavaFX's WebKit always answers "light", so the
 * preview's copy of the page has each {@code (prefers-color-scheme: dark)} feature replaced by one
 * that always matches, and each {@code (prefers-color-scheme: light)} by one that never does: in
 * its {@code <style>} elements, its {@code media} attributes, the stylesheets it links from the
 * notebook's own folder (inlined into the copy; the files stay as they are) and the queries its
 * scripts pass to {@code matchMedia}. A stylesheet in another folder that uses {@code url(...)}
 * keeps its queries: inlined, its relative URLs would point elsewhere.
 */
final class ColorSchemeMedia {

    private static final long LARGEST_INLINED_STYLESHEET = 1 << 20;
    /** Runs before the page's scripts: their matchMedia queries get the same rewrite as the CSS. */
    private static final String MATCH_MEDIA = """
            (function () {
              var matchMedia = window.matchMedia.bind(window);
              window.matchMedia = function (query) {
                return matchMedia(String(query).replace(/\\(\\s*prefers-color-scheme\\s*:\\s*(dark|light)\\s*\\)/gi,
                    function (feature, scheme) { return scheme.toLowerCase() === "dark" ? "%s" : "%s"; }));
              };
            })();
            """.formatted("(min-width: 0px)", "(min-width: 99999px)");
    private static final Pattern FEATURE =
            Pattern.compile("\\(\\s*prefers-color-scheme\\s*:\\s*(dark|light)\\s*\\)", Pattern.CASE_INSENSITIVE);
    static final String ALWAYS = "(min-width: 0px)";
    static final String NEVER = "(min-width: 99999px)";

    private ColorSchemeMedia() {
    }

    /** Rewrites the page for a dark desktop; {@code folder}: the notebook's, null for an unsaved one. */
    static void preferDark(Document page, Path folder) {
        if (folder != null) {
            inlineLinkedStylesheets(page, folder);
        }
        for (Element style : page.select("style")) {
            for (DataNode data : style.dataNodes()) {
                String css = data.getWholeData();
                String dark = darkened(css);
                if (!dark.equals(css)) {
                    data.setWholeData(dark);
                }
            }
        }
        for (Element withMedia : page.select("[media]")) {
            withMedia.attr("media", darkened(withMedia.attr("media")));
        }
        page.head().prependElement("script").attr("id", "pagebook-color-scheme").appendChild(new DataNode(MATCH_MEDIA));
    }

    /** Linked stylesheets that ask for the colour scheme become {@code <style>} elements of the copy. */
    private static void inlineLinkedStylesheets(Document page, Path folder) {
        for (Element link : page.select("link[rel~=(?i)stylesheet][href]")) {
            localFile(link.attr("href"), folder).flatMap(ColorSchemeMedia::readSmall).ifPresent(sheet -> {
                Path file = sheet.file();
                boolean sameFolder = folder.equals(file.getParent());
                if (FEATURE.matcher(sheet.css()).find() && (sameFolder || !sheet.css().contains("url("))) {
                    Element style = new Element("style").appendChild(new DataNode(sheet.css()));
                    if (link.hasAttr("media")) {
                        style.attr("media", link.attr("media"));
                    }
                    link.replaceWith(style);
                }
            });
        }
    }

    private record Sheet(Path file, String css) {
    }

    private static Optional<Path> localFile(String href, Path folder) {
        try {
            URI uri = folder.toUri().resolve(href.strip());
            return "file".equals(uri.getScheme()) ? Optional.of(Path.of(uri).normalize()) : Optional.empty();
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }

    private static Optional<Sheet> readSmall(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > LARGEST_INLINED_STYLESHEET) {
                return Optional.empty();
            }
            return Optional.of(new Sheet(file, Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** The CSS or media query text with the color-scheme features answered for a dark desktop. */
    static String darkened(String css) {
        return FEATURE.matcher(css).replaceAll(r -> r.group(1).equalsIgnoreCase("dark") ? ALWAYS : NEVER);
    }
}
