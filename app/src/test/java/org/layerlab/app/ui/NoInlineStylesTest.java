package org.layerlab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Looks live in style sheets, never in code: an inline {@code setStyle(...)} would not follow the theme (Light, Dark)
 * or presentation mode. Scans the main sources of every module with a user interface.
 */
class NoInlineStylesTest {
    private static final List<String> MODULES = List.of("app", "graph-editor", "charts");
    /** setStyle with anything but an empty string, or a "-fx-" property in a Java string. */
    private static final Pattern INLINE = Pattern.compile("setStyle\\((?!\"\"\\))|\"[^\"]*-fx-[a-z-]+\\s*:");

    @Test void noMainSourceSetsAnInlineStyle() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<String> found = new ArrayList<>();
        int files = 0;
        for (String module : MODULES) {
            Path src = root.resolve(module).resolve("src/main/java");
            assertTrue(Files.isDirectory(src), src.toString());
            try (Stream<Path> paths = Files.walk(src)) {
                for (Path p : paths.filter(f -> f.toString().endsWith(".java")).toList()) {
                    files++;
                    List<String> lines = Files.readAllLines(p);
                    for (int i = 0; i < lines.size(); i++) {
                        if (INLINE.matcher(lines.get(i)).find()) found.add(root.relativize(p) + ":" + (i + 1) + ": " + lines.get(i).trim());
                    }
                }
            }
        }
        assertTrue(files > 50, "scanned " + files + " files");
        assertEquals(List.of(), found, "inline styles: move them into a style sheet");
    }

    @Test void thePatternCatchesAnInlineStyle() {
        assertTrue(INLINE.matcher("label.setStyle(\"-fx-text-fill: red;\");").find());
        assertTrue(INLINE.matcher("String base = \"-fx-border-color: red;\";").find());
        assertTrue(!INLINE.matcher("label.getStyleClass().add(\"note\");").find());
    }
}
