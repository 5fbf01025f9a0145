package dev.pagebook.app;

import dev.pagebook.app.cli.PagebookCommand;

/** Entry point of both the desktop app and the headless command line. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (PagebookCommand.opensTheApp(args)) {
            System.exit(PagebookCommand.openTheApp(args));
        }
        System.exit(PagebookCommand.commandLineOfWholeProcess().execute(args));
    }
}
