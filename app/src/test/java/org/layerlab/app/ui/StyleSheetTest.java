package org.layerlab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URL;
import java.util.List;
import javafx.css.CssParser;
import org.junit.jupiter.api.Test;

/** The style sheets parse without an error (a lost brace makes JavaFX drop every rule after it, silently). */
class StyleSheetTest {
    @Test void everyStyleSheetParsesCleanly() throws Exception {
        for (String sheet : List.of("/org/layerlab/app/layerlab.css", "/org/layerlab/editor/canvas.css",
                "/org/layerlab/charts/charts.css")) {
            URL url = StyleSheetTest.class.getResource(sheet);
            assertNotNull(url, sheet);
            CssParser.errorsProperty().clear();
            new CssParser().parse(url);
            assertEquals(List.of(), List.copyOf(CssParser.errorsProperty()).stream().map(Object::toString).toList(), sheet);
        }
    }

    /** The sheet generated from CategoryStyle parses too, and gives every layer category its accent. */
    @Test void theCategorySheetParsesAndCoversEveryCategory() {
        CssParser.errorsProperty().clear();
        javafx.css.Stylesheet parsed = new CssParser().parse(org.layerlab.editor.CategoryStyle.css());
        assertEquals(List.of(), List.copyOf(CssParser.errorsProperty()).stream().map(Object::toString).toList());
        assertEquals(org.layerlab.compute.layers.Category.values().length, parsed.getRules().size());
        for (org.layerlab.compute.layers.Category c : org.layerlab.compute.layers.Category.values()) {
            org.junit.jupiter.api.Assertions.assertTrue(org.layerlab.editor.CategoryStyle.css().contains("." + org.layerlab.editor.CategoryStyle.styleClass(c) + " {"), c.name());
        }
        org.junit.jupiter.api.Assertions.assertTrue(org.layerlab.editor.CategoryStyle.styleSheet().startsWith("data:text/css"));
    }

    /** A colour named in a rule: hex, rgb()/rgba() except a shadow's black, or a colour word. */
    private static final java.util.regex.Pattern COLOUR = java.util.regex.Pattern.compile(
            "#[0-9a-fA-F]{3,8}\\b|rgba?\\((?!\\s*0\\s*,\\s*0\\s*,\\s*0\\s*,)|:\\s*(white|black|red|blue|gray|grey)\\s*;");

    /**
     * Colours follow the theme: outside the theme blocks ({@code .root}, {@code .root.dark}, {@code .root.presentation},
     * which define the looked-up colours), no rule names a colour of its own (hex, rgb(), a colour word), so Light,
     * Dark and presentation mode change everything. Shadows are the one exception: black at some opacity in every theme.
     */
    @Test void onlyTheThemeBlocksNameColours() throws Exception {
        java.util.regex.Pattern colour = COLOUR;
        List<String> found = new java.util.ArrayList<>();
        for (String sheet : List.of("/org/layerlab/app/layerlab.css", "/org/layerlab/editor/canvas.css", "/org/layerlab/charts/charts.css")) {
            String text = new String(StyleSheetTest.class.getResourceAsStream(sheet).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .replaceAll("(?s)/\\*.*?\\*/", "");
            for (String rule : text.split("}")) {
                int open = rule.indexOf('{');
                if (open < 0) continue;
                String selector = rule.substring(0, open).strip();
                if (List.of(".root", ".root.dark", ".root.presentation").contains(selector)) continue;
                var m = colour.matcher(rule.substring(open));
                while (m.find()) found.add(sheet + ": " + selector + " " + m.group());
            }
        }
        assertEquals(List.of(), found, "colours of their own: use the theme's looked-up colours");
    }

    @Test void theColourRuleCatchesWhatItShould() throws Exception {
        java.util.regex.Pattern colour = COLOUR;
        org.junit.jupiter.api.Assertions.assertTrue(colour.matcher("-fx-fill: #2563eb;").find());
        org.junit.jupiter.api.Assertions.assertTrue(colour.matcher("-fx-fill: rgba(37, 99, 235, 0.08);").find());
        org.junit.jupiter.api.Assertions.assertTrue(colour.matcher("-fx-text-fill: white;").find());
        org.junit.jupiter.api.Assertions.assertFalse(colour.matcher("-fx-effect: dropshadow(gaussian, rgba(0, 0, 0, 0.3), 6, 0, 0, 2);").find());
        org.junit.jupiter.api.Assertions.assertFalse(colour.matcher("-fx-text-fill: -color-fg-emphasis;").find());
    }
}
