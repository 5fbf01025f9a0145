package dev.pagebook.app.window;

import javafx.concurrent.Worker;
import javafx.scene.layout.StackPane;
import javafx.scene.web.WebView;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * An HTML cell, or an HTML/SVG/Markdown output, shown rendered. Markup is cleaned to safe formatting
 * tags first, so no page script runs here (the preview is where the page lives); the view takes the
 * height of its content.
 */
final class HtmlFragmentView extends StackPane {

    private final WebView web = new WebView();

    HtmlFragmentView() {
        getStyleClass().add("html-rendered");
        web.setContextMenuEnabled(false);
        web.setPrefHeight(40);
        web.setMinHeight(20);
        web.setFocusTraversable(false);
        getChildren().add(web);
        web.getEngine().getLoadWorker().stateProperty().addListener((obs, old, state) -> {
            if (state == Worker.State.SUCCEEDED) {
                Object height = web.getEngine().executeScript("document.documentElement.scrollHeight");
                if (height instanceof Number h) {
                    web.setPrefHeight(Math.min(2000, h.doubleValue() + 4));
                }
            }
        });
    }

    /** Shows {@code html} cleaned to safe formatting and table tags: no script of it runs. */
    void show(String html, String css) {
        String clean = Jsoup.clean(html, Safelist.relaxed().addTags("button", "span", "label", "figure", "figcaption",
                        "thead", "tbody", "tfoot", "caption", "colgroup", "col")
                .addAttributes(":all", "class", "style", "id", "title", "align")
                .addAttributes("th", "colspan", "rowspan", "scope").addAttributes("td", "colspan", "rowspan"));
        load(clean, css);
    }

    /**
     * Shows an SVG drawing through an {@code <img>}: a browser never runs scripts of an SVG it
     * loads as an image, so the drawing needs no cleaning (which would strip its SVG elements).
     */
    void showSvg(String svg, String css) {
        String data = java.util.Base64.getEncoder().encodeToString(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        load("<img style=\"max-width:100%\" alt=\"SVG output\" src=\"data:image/svg+xml;base64," + data + "\">", css);
    }

    private void load(String body, String css) {
        web.getEngine().loadContent("<!DOCTYPE html><html><head>"
                + "<style>" + css + "</style>"
                + "</head><body>" + body + "</body></html>");
    }

    WebView webView() {
        return web;
    }
}
