package dev.pagebook.kernel.host;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * Entry point of a kernel host: a JVM of its own running one notebook's kernel for the app
 * ({@link HostedKernel}). Its one argument is the socket the app listens on.
 */
public final class KernelHostMain {

    private KernelHostMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: KernelHostMain SOCKET (started by the Pagebook app, not by hand)");
            System.exit(2);
        }
        Wire wire;
        try {
            wire = new Wire(SocketChannel.open(UnixDomainSocketAddress.of(Path.of(args[0]))));
        } catch (IOException e) {
            // The app closed the notebook (or ended) before this host was up.
            System.err.println("pagebook kernel host: the app is gone (" + e.getMessage() + ")");
            Runtime.getRuntime().halt(0);
            return;
        }
        int exitCode = new KernelHost(wire).serve();
        // Kernel and helper threads may still be winding down; the app has been told all it needs.
        Runtime.getRuntime().halt(exitCode);
    }
}
