package org.layerlab.app.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/** The main Java sources of every module with a user interface, scanned line by line by the source-rule tests. */
final class UiSources {
    private static final List<String> MODULES = List.of("app", "graph-editor", "charts");

    private UiSources() {}

    /**
     * Every line {@code finding} reports on (a non-null text), as "path:line: text", over all UI modules' main sources;
     * fails if the scan found too few files to mean anything.
     */
    static List<String> find(Function<String, String> finding) throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<String> found = new ArrayList<>();
        int files = 0;
        for (String module : MODULES) {
            Path src = root.resolve(module).resolve("src/main/java");
            assertTrue(Files.isDirectory(src), src.toString());
            try (Stream<Path> paths = Files.walk(src)) {
                for (Path p : paths.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    files++;
                    List<String> lines = Files.readAllLines(p);
                    for (int i = 0; i < lines.size(); i++) {
                        String what = finding.apply(lines.get(i));
                        if (what != null) found.add(root.relativize(p) + ":" + (i + 1) + ": " + what);
                    }
                }
            }
        }
        assertTrue(files > 50, "scanned " + files + " files");
        return found;
    }
}
