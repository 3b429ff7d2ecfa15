package org.layerlab.compute.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs small scripts in Debian's {@code /usr/bin/python3} for tests that check files with Python's own readers. */
public final class PythonCheck {
    public static final Path PYTHON = Path.of("/usr/bin/python3");

    private PythonCheck() {}

    /** Skips the calling test unless /usr/bin/python3 has numpy (Debian package python3-numpy). */
    public static void assumeNumpy() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(PYTHON), "needs /usr/bin/python3 (Debian package python3)");
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import numpy").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        Assumptions.assumeTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0,
                "needs numpy for /usr/bin/python3 (Debian package python3-numpy)");
    }

    /** Runs {@code script} with {@code args}; fails the test unless it exits 0; returns its standard output lines. */
    public static List<String> run(String script, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), "-c", script));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) p.destroyForcibly();
        assertEquals(0, p.exitValue(), out);
        return out.lines().toList();
    }
}
