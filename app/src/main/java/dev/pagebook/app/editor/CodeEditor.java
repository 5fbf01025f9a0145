package dev.pagebook.app.editor;

import dev.pagebook.kernel.Completion;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.event.MouseOverTextEvent;
import org.fxmisc.richtext.model.StyleSpans;

/**
 * A cell's code area: line numbers, syntax colours computed in the background after typing
 * pauses, auto-indent, bracket matching, completion (Ctrl+Space) and inspect (Shift+Tab or
 * hovering), both answered by the kernel.
 */
public final class CodeEditor extends CodeArea {

    /** The kernel's completion and inspection, asynchronous: answers arrive on the FX thread. */
    public interface Assist {
        void complete(String code, int caret, Consumer<List<Completion>> then);

        void inspect(String code, int caret, Consumer<Optional<String>> then);
    }

    /** Runs a highlighter off the FX thread: text in, spans back on the FX thread. */
    public interface HighlightRunner {
        void highlight(String text, SyntaxHighlighter highlighter, Consumer<StyleSpans<Collection<String>>> then);
    }

    private static final KeyCombination COMPLETE = new KeyCodeCombination(KeyCode.SPACE, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination INSPECT = new KeyCodeCombination(KeyCode.TAB, KeyCombination.SHIFT_DOWN);
    private static final String BRACKETS = "()[]{}";

    private final SyntaxHighlighter highlighter;
    private final HighlightRunner runner;
    private final boolean python;
    private final ContextMenu completions = new ContextMenu();
    private final Tooltip inspectTip = new Tooltip();
    private Assist assist;
    private int[] matchedBrackets;
    private boolean heightPending;

    public CodeEditor(String text, boolean python, HighlightRunner runner) {
        super(text);
        this.python = python;
        this.highlighter = python ? SyntaxHighlighter.PYTHON : SyntaxHighlighter.HTML;
        this.runner = runner;
        getStyleClass().add(python ? "python-editor" : "html-editor");
        setParagraphGraphicFactory(LineNumberFactory.get(this));
        setWrapText(true);
        // A cell grows with its text instead of scrolling inside the notebook's own scroll.
        applyHeightEstimate();
        totalHeightEstimateProperty().addListener((obs, old, estimate) -> followHeightAfterLayout());
        multiPlainChanges().successionEnds(Duration.ofMillis(40)).subscribe(ignored -> rehighlight());
        caretPositionProperty().addListener((obs, old, pos) -> matchBrackets());
        addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        setMouseOverTextDelay(Duration.ofMillis(700));
        addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, e -> inspectAt(e.getCharacterIndex(), e.getScreenPosition()));
        addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, e -> inspectTip.hide());
        inspectTip.getStyleClass().add("inspect-tooltip");
        inspectTip.setWrapText(true);
        inspectTip.setMaxWidth(640);
        rehighlight();
    }

    /**
     * Every key stroke rebuilds its paragraph, and until the next layout measures it the estimate
     * is a line or three taller. Following it at once laid the whole notebook out twice per key
     * and made the cell flicker taller for a frame; the height is taken once layout has settled.
     */
    private void followHeightAfterLayout() {
        Scene scene = getScene();
        if (scene == null) {
            applyHeightEstimate();
            return;
        }
        if (heightPending) {
            return;
        }
        heightPending = true;
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            heightPending = false;
            applyHeightEstimate();
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    private void applyHeightEstimate() {
        double height = totalHeightEstimateProperty().getOrElse(24.0) + 6;
        if (height != getPrefHeight()) {
            setPrefHeight(height);
        }
    }

    public void setAssist(Assist assist) {
        this.assist = assist;
    }

    /** Replaces the whole text (from the model) without an undo entry. */
    public void replaceAllText(String text) {
        if (!getText().equals(text)) {
            replaceText(text);
            getUndoManager().forgetHistory();
        }
    }

    private void rehighlight() {
        String text = getText();
        runner.highlight(text, highlighter, spans -> {
            if (getText().equals(text)) {
                setStyleSpans(0, spans);
                matchedBrackets = null;
                matchBrackets();
            }
        });
    }

    private void keyPressed(KeyEvent e) {
        if (COMPLETE.match(e)) {
            e.consume();
            complete();
        } else if (INSPECT.match(e)) {
            e.consume();
            Optional<javafx.geometry.Bounds> caret = getCaretBounds();
            caret.ifPresent(b -> inspectAt(getCaretPosition(), new Point2D(b.getMinX(), b.getMaxY())));
        } else if (e.getCode() == KeyCode.ENTER && !e.isShiftDown() && !e.isShortcutDown() && !e.isAltDown()) {
            e.consume();
            newlineWithIndent();
        } else if (e.getCode() == KeyCode.TAB && !e.isShiftDown() && python) {
            e.consume();
            replaceSelection("    ");
        }
    }

    private void newlineWithIndent() {
        String line = getParagraph(getCurrentParagraph()).getText().substring(0, getCaretColumn());
        int spaces = 0;
        while (spaces < line.length() && (line.charAt(spaces) == ' ' || line.charAt(spaces) == '\t')) {
            spaces++;
        }
        String indent = line.substring(0, spaces);
        if (python && line.strip().endsWith(":")) {
            indent += "    ";
        }
        replaceSelection("\n" + indent);
    }

    private void matchBrackets() {
        if (matchedBrackets != null) {
            for (int at : matchedBrackets) {
                if (at < getLength()) {
                    setStyle(at, at + 1, List.of("syntax-bracket"));
                }
            }
            matchedBrackets = null;
        }
        int caret = getCaretPosition();
        String text = getText();
        for (int at : new int[] {caret - 1, caret}) {
            if (at >= 0 && at < text.length() && BRACKETS.indexOf(text.charAt(at)) >= 0) {
                int other = BracketMatcher.match(text, at);
                if (other >= 0) {
                    matchedBrackets = new int[] {at, other};
                    for (int i : matchedBrackets) {
                        setStyle(i, i + 1, List.of("syntax-bracket", "bracket-match"));
                    }
                    return;
                }
            }
        }
    }

    private void complete() {
        if (assist == null || !python) {
            return;
        }
        String code = getText();
        int caret = getCaretPosition();
        assist.complete(code, caret, candidates -> {
            if (!getText().equals(code) || candidates.isEmpty()) {
                return;
            }
            if (candidates.size() == 1) {
                accept(candidates.get(0));
                return;
            }
            completions.getItems().clear();
            for (Completion c : candidates.subList(0, Math.min(candidates.size(), 40))) {
                Label label = new Label(c.text() + (c.type() == null || c.type().isEmpty() ? "" : "   " + c.type()));
                CustomMenuItem item = new CustomMenuItem(label, true);
                item.setOnAction(ev -> accept(c));
                completions.getItems().add(item);
            }
            getCaretBounds().ifPresent(b -> completions.show(this, b.getMinX(), b.getMaxY()));
        });
    }

    private void accept(Completion c) {
        replaceText(c.start(), c.end(), c.text());
    }

    private void inspectAt(int index, Point2D screen) {
        if (assist == null || !python || index < 0) {
            return;
        }
        String code = getText();
        int cursor = BracketMatcher.endOfName(code, index);
        assist.inspect(code, cursor, doc -> doc.ifPresent(text -> {
            inspectTip.setText(text.length() > 2000 ? text.substring(0, 2000) + "…" : text);
            inspectTip.show(this, screen.getX(), screen.getY() + 4);
        }));
    }
}
