package org.layerlab.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Whether standard error is a terminal (a progress bar makes sense) or a file or pipe (plain lines do). */
final class StderrTerminal {
    private StderrTerminal() {}

    static boolean isTerminal() {
        String forced = System.getProperty("layerlab.progress");
        if (forced != null) return forced.equals("bar");
        Path fd2 = Path.of("/proc/self/fd/2");
        try {
            if (Files.exists(fd2)) {
                String target = Files.readSymbolicLink(fd2).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (Exception e) {
            // Not Linux, or not allowed to look: fall back to the console check below.
        }
        return System.console() != null;
    }
}
