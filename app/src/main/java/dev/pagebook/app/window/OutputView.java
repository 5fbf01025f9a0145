package dev.pagebook.app.window;

import dev.pagebook.app.preview.PreviewDocument;
import dev.pagebook.format.OutputElement;
import dev.pagebook.format.model.Output;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.WeakListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * A cell's outputs under its code: streams, rich results, images and tracebacks. HTML, SVG and
 * Markdown results are shown rendered (cleaned of scripts), as in Jupyter.
 */
final class OutputView extends VBox {

    /** A cell printing megabytes shows its tail; the whole text stays in the notebook. */
    static final int SHOWN_CHARS = 10_000;
    private static final int LONGEST_UNBROKEN = 160;
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");

    private final ObservableList<Output> outputs;
    /** Streaming output is redrawn at most ten times a second, however fast it arrives. */
    private final PauseTransition redrawSoon = new PauseTransition(Duration.millis(100));
    private final ListChangeListener<Output> outputsListener;
    private final String pageCss;

    OutputView(ObservableList<Output> outputs, String pageCss) {
        this.outputs = outputs;
        this.pageCss = pageCss;
        this.outputsListener = change -> {
            if (outputs.isEmpty()) {
                rebuild();
            } else if (redrawSoon.getStatus() != Animation.Status.RUNNING) {
                redrawSoon.playFromStart();
            }
        };
        getStyleClass().add("cell-outputs");
        outputs.addListener(new WeakListChangeListener<>(outputsListener));
        redrawSoon.setOnFinished(e -> rebuild());
        rebuild();
    }

    private void rebuild() {
        List<Node> nodes = outputs.stream().map(this::render).toList();
        getChildren().setAll(nodes);
    }

    Node render(Output output) {
        return switch (output) {
            case Output.Stream s -> text(tail(s.text()), "output-stream", "output-" + s.name());
            case Output.Error e -> text(ANSI.matcher(e.traceback().isEmpty() ? e.ename() + ": " + e.evalue()
                    : String.join("\n", e.traceback())).replaceAll(""), "output-error");
            case Output.ExecuteResult r -> bundle(r.data(), false);
            case Output.DisplayData d -> PreviewDocument.target(d)
                    .<Node>map(id -> text("updated #" + id + " in the page", "output-note"))
                    .orElseGet(() -> bundle(d.data(), true));
        };
    }

    private Node bundle(Map<String, String> data, boolean display) {
        if (data.containsKey("text/html")) {
            return rendered(view -> view.show(data.get("text/html"), pageCss));
        }
        for (String mime : List.of("image/png", "image/jpeg", "image/gif")) {
            if (data.containsKey(mime)) {
                try {
                    byte[] bytes = Base64.getMimeDecoder().decode(data.get(mime));
                    ImageView view = new ImageView(new Image(new ByteArrayInputStream(bytes)));
                    view.setPreserveRatio(true);
                    view.setFitWidth(Math.min(640, view.getImage().getWidth()));
                    view.getStyleClass().add("output-image");
                    return view;
                } catch (IllegalArgumentException badBase64) {
                    return text("(unreadable " + mime + " image)", "output-note");
                }
            }
        }
        if (data.containsKey("image/svg+xml")) {
            Node svg = rendered(view -> view.showSvg(data.get("image/svg+xml"), pageCss));
            svg.getStyleClass().add("output-image");
            return svg;
        }
        if (data.containsKey("text/markdown")) {
            return rendered(view -> view.show(OutputElement.markdownHtml(data.get("text/markdown")), pageCss));
        }
        if (data.containsKey("text/plain")) {
            return text(tail(data.get("text/plain")), display ? "output-display" : "output-result");
        }
        String mime = data.keySet().iterator().next();
        return text("(" + mime + ": shown in the page preview)", "output-note");
    }

    private static Node rendered(java.util.function.Consumer<HtmlFragmentView> content) {
        HtmlFragmentView view = new HtmlFragmentView();
        view.getStyleClass().addAll("output", "output-rendered");
        content.accept(view);
        return view;
    }

    private static String tail(String text) {
        String shown = text.length() <= SHOWN_CHARS ? text
                : "… " + (text.length() - SHOWN_CHARS) + " characters above not shown …\n" + text.substring(text.length() - SHOWN_CHARS);
        return breakLongLines(shown);
    }

    /** Text layout wraps a line with no spaces very slowly; such lines are cut beforehand. */
    private static String breakLongLines(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 64);
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            run = c == '\n' || c == ' ' ? 0 : run + 1;
            if (run > LONGEST_UNBROKEN) {
                sb.append('\n');
                run = 1;
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static Label text(String text, String... styles) {
        Label label = new Label(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
        label.getStyleClass().addAll(styles);
        label.getStyleClass().add("output");
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }
}
