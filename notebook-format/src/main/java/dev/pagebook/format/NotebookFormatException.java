package dev.pagebook.format;

/**
 * A file that is not a readable notebook. The message is one line naming the file and the
 * problem, fit to show a user as is (the CLI prints it and exits with code 2).
 */
public final class NotebookFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public NotebookFormatException(String message) {
        super(message);
    }

    public NotebookFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
