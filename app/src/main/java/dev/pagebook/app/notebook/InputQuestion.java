package dev.pagebook.app.notebook;

import java.util.concurrent.CompletableFuture;

/**
 * A running cell's {@code input()} (or {@code getpass()}): the window shows a field under the cell
 * until {@code answer} completes (typed and sent, or withdrawn when the cell ends).
 */
public record InputQuestion(String prompt, boolean password, CompletableFuture<String> answer) {
}
