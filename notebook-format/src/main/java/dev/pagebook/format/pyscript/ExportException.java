package dev.pagebook.format.pyscript;

/** An export that cannot be made; the message is one line meant for the user. */
public class ExportException extends RuntimeException {
    public ExportException(String message) {
        super(message);
    }

    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
