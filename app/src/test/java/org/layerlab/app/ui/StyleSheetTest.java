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
}
