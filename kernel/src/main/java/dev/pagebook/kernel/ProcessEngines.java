package dev.pagebook.kernel;

/**
 * Which polyglot engines this process has given kernels, so a sole kernel and shared ones never
 * meet. After a context on one engine had imported numpy, a context on another engine failed to
 * import it (TypeError in numpy's init) or crashed the JVM (SIGSEGV in libtrufflenfi) when the
 * first had been closed; docs/kernel.md has the experiment.
 */
final class ProcessEngines {

    /** This JVM's: the one every kernel claims from. */
    static final ProcessEngines THIS_PROCESS = new ProcessEngines();

    private enum Claim { NONE, SHARED, SOLE }

    private Claim claim = Claim.NONE;

    /** Before a context on the {@link SharedEngine}. */
    synchronized void claimShared() {
        if (claim == Claim.SOLE) {
            throw new IllegalStateException("This process already ran a sole kernel (a batch run's); "
                    + "GraalPy cannot load native modules such as numpy into a second kernel after it.");
        }
        claim = Claim.SHARED;
    }

    /** Before the one context of a {@linkplain KernelOptions#soleKernel() sole kernel}. */
    synchronized void claimSole() {
        if (claim != Claim.NONE) {
            throw new IllegalStateException("A sole kernel must be the first and only kernel in its process; "
                    + "this one already has a " + (claim == Claim.SOLE ? "sole" : "shared-engine") + " kernel.");
        }
        claim = Claim.SOLE;
    }
}
