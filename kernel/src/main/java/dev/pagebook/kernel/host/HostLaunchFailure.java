package dev.pagebook.kernel.host;

/**
 * A kernel host ended before it connected to the app: the JVM or the launcher failed to start
 * {@link KernelHostMain}, so no Python ran there (unlike a host that connected and then died).
 */
public final class HostLaunchFailure extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    HostLaunchFailure(String message) {
        super(message);
    }
}
