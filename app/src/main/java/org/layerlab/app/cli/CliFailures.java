package org.layerlab.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.layerlab.compute.text.Messages;

/**
 * What the user sees when something goes wrong: one line, never a stack trace. A failure LayerLab did not foresee
 * (a bug) has its trace written to a log file under {@link #logDirectory()}, and the line names that file.
 */
public final class CliFailures {
    /** Where logs go: {@code -Dlayerlab.logs.dir}, else ~/.layerlab/logs (tests set the property to a temporary folder). */
    public static final String LOGS_PROPERTY = "layerlab.logs.dir";
    private static final Messages TEXT = Messages.of("org.layerlab.app.i18n.cli", CliFailures.class);

    private CliFailures() {}

    public static Path logDirectory() {
        String dir = System.getProperty(LOGS_PROPERTY);
        return dir != null ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".layerlab", "logs");
    }

    /** One line of text: line breaks become spaces, anything over 1,000 characters is cut. */
    public static String oneLine(String s) {
        String line = String.valueOf(s).replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        return line.length() <= 1000 ? line : line.substring(0, 990) + "…";
    }

    /**
     * Writes {@code t}'s trace to a new log file and returns the line to show: "layerlab: internal error: … (details
     * in FILE)". When the log cannot be written, the line says so instead of naming a file.
     */
    public static String report(Throwable t) {
        String what = oneLine(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
        try {
            Path dir = Files.createDirectories(logDirectory());
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
            Path log = dir.resolve("layerlab-" + stamp + "-" + ProcessHandle.current().pid() + ".log");
            StringWriter trace = new StringWriter();
            try (PrintWriter w = new PrintWriter(trace)) {
                w.println("LayerLab " + LayerLabCli.class.getPackage().getImplementationVersion() + " on Java "
                        + System.getProperty("java.version") + ", " + System.getProperty("os.name"));
                w.println("thread " + Thread.currentThread().getName());
                t.printStackTrace(w);
            }
            Files.writeString(log, trace.toString());
            return "layerlab: " + TEXT.get("internal", what, log.toString());
        } catch (IOException | RuntimeException e) {
            return "layerlab: " + TEXT.get("internalNoLog", what, oneLine(String.valueOf(e.getMessage())));
        }
    }

    /** For threads other than the command's: an uncaught exception becomes the one line and exit 1. */
    public static void installUncaughtHandler() {
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            System.err.println(report(e));
            System.err.flush();
            Runtime.getRuntime().halt(LayerLabCli.EXIT_RUN_FAILED);
        });
    }
}
