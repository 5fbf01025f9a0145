package dev.pagebook.kernel;

import java.time.Duration;

/** How a cell run ended. */
public record ExecutionReply(Status status, int executionCount, Duration duration) {
    public enum Status { OK, ERROR, INTERRUPTED, ABORTED }
}
