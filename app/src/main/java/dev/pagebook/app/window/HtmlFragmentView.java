package dev.pagebook.app.window;

import javafx.concurrent.Worker;
import javafx.scene.layout.StackPane;
import javafx.scene.web.WebView;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * An HTML cell shown rendered. Its markup is cleaned to safe formatting tags first, so no page
 * script runs here (the preview is where the page lives); the view takes the height of its content.
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

    void show(String html, String css) {
        String clean = Jsoup.clean(html, Safelist.relaxed().addTags("button", "span", "label", "figure", "figcaption")
                .addAttributes(":all", "class", "style", "id"));
        web.getEngine().loadContent("<!DOCTYPE html><html><head>"
                + "<style>" + css + "</style>"
                + "</head><body>" + clean + "</body></html>");
    }

    WebView webView() {
        return web;
    }
}
