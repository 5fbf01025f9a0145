package dev.pagebook.app;

import dev.pagebook.app.cli.PagebookCommand;
import dev.pagebook.kernel.host.HostCommand;
import dev.pagebook.kernel.host.KernelHostMain;

/** Entry point of both the desktop app and the headless command line. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws java.io.IOException {
        if (args.length > 0 && args[0].equals(HostCommand.LAUNCHER_ARGUMENT)) {
            // The installed app's launcher started as a kernel host by the app itself (HostedKernel).
            KernelHostMain.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (PagebookCommand.opensTheApp(args)) {
            System.exit(PagebookCommand.openTheApp(args));
        }
        System.exit(PagebookCommand.commandLineOfWholeProcess().execute(args));
    }
}
