package dev.pagebook.app.preview;

import java.util.regex.Pattern;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The page's {@code prefers-color-scheme} media queries answered "dark" while the app is dark, as
 * a browser on a dark desktop answers them. JavaFX's WebKit always answers "light", so the
 * preview's copy of the page has each {@code (prefers-color-scheme: dark)} feature in its
 * {@code <style>} elements and {@code media} attributes replaced by one that always matches, and
 * each {@code (prefers-color-scheme: light)} by one that never does. Stylesheets the page links
 * from files keep their queries: the preview does not rewrite other files.
 */
final class ColorSchemeMedia {

    private static final Pattern FEATURE =
            Pattern.compile("\\(\\s*prefers-color-scheme\\s*:\\s*(dark|light)\\s*\\)", Pattern.CASE_INSENSITIVE);
    static final String ALWAYS = "(min-width: 0px)";
    static final String NEVER = "(min-width: 99999px)";

    private ColorSchemeMedia() {
    }

    /** Rewrites the page for a dark desktop. */
    static void preferDark(Document page) {
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
    }

    /** The CSS or media query text with the color-scheme features answered for a dark desktop. */
    static String darkened(String css) {
        return FEATURE.matcher(css).replaceAll(r -> r.group(1).equalsIgnoreCase("dark") ? ALWAYS : NEVER);
    }
}
