package dev.pagebook.app.window;

import dev.pagebook.app.notebook.CellViewModel;
import dev.pagebook.app.notebook.InputQuestion;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * Under a cell whose {@code input()} waits, as in Jupyter: the prompt and a field (hidden text for
 * {@code getpass}); Enter sends the line. Gone when answered or when the cell ends.
 */
final class InputField extends HBox {

    private final ChangeListener<InputQuestion> questionListener = (obs, old, question) -> show(question);

    InputField(CellViewModel cell) {
        super(6);
        getStyleClass().add("cell-input");
        cell.questionProperty().addListener(new WeakChangeListener<>(questionListener));
        show(cell.questionProperty().get());
    }

    private void show(InputQuestion question) {
        setVisible(question != null);
        setManaged(question != null);
        if (question == null) {
            getChildren().clear();
            return;
        }
        TextField field = question.password() ? new PasswordField() : new TextField();
        field.getStyleClass().add("cell-input-field");
        field.setOnAction(e -> question.answer().complete(field.getText()));
        HBox.setHgrow(field, Priority.ALWAYS);
        getChildren().setAll(new Label(question.prompt()), field);
        Platform.runLater(field::requestFocus);
    }
}
