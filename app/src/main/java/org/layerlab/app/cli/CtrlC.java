package org.layerlab.app.cli;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C (SIGINT) during a run: instead of the JVM dying mid-step, the run stops between batches, and the command
 * says where it stopped and exits 130. Uses {@code sun.misc.Signal} (module jdk.unsupported), the only way a Java
 * program can catch SIGINT; where it is missing, Ctrl-C simply ends the JVM as before (also exit 130).
 */
final class CtrlC {
    private static final AtomicBoolean INTERRUPTED = new AtomicBoolean();

    private CtrlC() {}

    /** Whether Ctrl-C was pressed while a handler was installed. */
    static boolean interrupted() { return INTERRUPTED.get(); }

    /** Runs {@code onInterrupt} on the first Ctrl-C; a second one ends the JVM at once. Close to restore the default. */
    static AutoCloseable onInterrupt(Runnable onInterrupt) {
        INTERRUPTED.set(false);
        try {
            sun.misc.Signal sigint = new sun.misc.Signal("INT");
            sun.misc.SignalHandler previous = sun.misc.Signal.handle(sigint, sig -> {
                if (INTERRUPTED.getAndSet(true)) Runtime.getRuntime().halt(LayerLabCli.EXIT_INTERRUPTED);
                onInterrupt.run();
            });
            return () -> sun.misc.Signal.handle(sigint, previous);
        } catch (IllegalArgumentException | LinkageError e) {
            return () -> { }; // no SIGINT handling here (e.g. the JVM was started with -Xrs)
        }
    }
}
