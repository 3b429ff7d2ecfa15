package org.layerlab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window's looks come from the style sheets: category accents, themes and presentation mode. */
@ExtendWith(ApplicationExtension.class)
class AppearanceWindowTest extends MainWindowFixture {
    private static final Color CORE = Color.web("#E69F00"); // CategoryStyle's accent for Dense (Okabe–Ito orange)

    @Start void start(Stage stage) { open(stage); }

    @Test void cardsPortsAndPaletteReadTheCategoryAccentFromTheGeneratedSheet(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Circle port = robot.lookup("#port-out-hidden-1").queryAs(Circle.class);
        assertEquals(CORE, onFx(port::getStroke));
        Region card = robot.lookup("#node-hidden-1").queryAs(Region.class);
        assertEquals(CORE, onFx(() -> card.getBorder().getStrokes().get(0).getLeftStroke()));
        Label dense = robot.lookup("#palette-dense").queryAs(Label.class);
        assertEquals(CORE, onFx(() -> dense.getBorder().getStrokes().get(0).getLeftStroke()));
    }
}
