package org.layerlab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Looks live in style sheets, never in code: an inline {@code setStyle(...)} would not follow the theme (Light, Dark)
 * or presentation mode. Scans the main sources of every module with a user interface.
 */
class NoInlineStylesTest {
    /** setStyle with anything but an empty string, or a "-fx-" property in a Java string. */
    private static final Pattern INLINE = Pattern.compile("setStyle\\((?!\"\"\\))|\"[^\"]*-fx-[a-z-]+\\s*:");

    @Test void noMainSourceSetsAnInlineStyle() throws IOException {
        List<String> found = UiSources.find(line -> INLINE.matcher(line).find() ? line.trim() : null);
        assertEquals(List.of(), found, "inline styles: move them into a style sheet");
    }

    @Test void thePatternCatchesAnInlineStyle() {
        assertTrue(INLINE.matcher("label.setStyle(\"-fx-text-fill: red;\");").find());
        assertTrue(INLINE.matcher("String base = \"-fx-border-color: red;\";").find());
        assertTrue(!INLINE.matcher("label.getStyleClass().add(\"note\");").find());
    }
}
