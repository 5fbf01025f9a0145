package dev.pagebook.app.window;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.AccessibleRole;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Arc;
import javafx.scene.shape.ArcType;
import javafx.util.Duration;

/**
 * The status bar's "kernel busy" mark: an open arc turned an eighth of a turn eight times a second.
 * {@code ProgressIndicator}'s spinner changes at every pulse, so the window repainted at the pulse
 * rate for as long as a cell ran, on the same two cores the cell needs (docs/app.md).
 */
final class BusyMark extends StackPane {

    private static final Duration STEP = Duration.millis(125);

    private final Arc arc = new Arc(0, 0, 5.5, 5.5, 90, 270);
    private final Timeline turning = new Timeline(new KeyFrame(STEP, e -> arc.setRotate((arc.getRotate() + 45) % 360)));

    BusyMark() {
        arc.setType(ArcType.OPEN);
        arc.getStyleClass().add("busy-arc");
        getChildren().add(arc);
        getStyleClass().add("kernel-spinner");
        setAccessibleRole(AccessibleRole.PROGRESS_INDICATOR);
        setAccessibleText("Kernel busy");
        turning.setCycleCount(Timeline.INDEFINITE);
        visibleProperty().addListener((obs, was, now) -> turnWhile(now));
        turnWhile(isVisible());
    }

    private void turnWhile(boolean visible) {
        if (visible) {
            turning.play();
        } else {
            turning.stop();
        }
    }
}
