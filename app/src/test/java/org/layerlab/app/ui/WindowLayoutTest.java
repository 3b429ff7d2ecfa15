package org.layerlab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The side panels collapse, the charts take the whole window and come back, and a narrow window keeps its toolbar. */
@ExtendWith(ApplicationExtension.class)
class WindowLayoutTest extends MainWindowFixture {
    @Start
    void start(Stage stage) { open(stage); }

    private SplitPane centre() throws Exception { return onFx(() -> (SplitPane) window.getCenter()); }

    @Test
    void theToolbarTogglesCollapseThePanelsAndLetTheChartsFillTheWindow(FxRobot robot) throws Exception {
        assertSame(window.editor().palette(), onFx(window::getLeft));
        assertSame(window.sideTabs(), onFx(window::getRight));
        double canvasWidth = onFx(() -> window.editor().canvas().getWidth());

        robot.clickOn("#layout-palette-toggle");
        robot.clickOn("#layout-side-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(onFx(window::getLeft), "the palette collapsed");
        assertNull(onFx(window::getRight), "the side panel collapsed");
        assertTrue(onFx(() -> window.editor().canvas().getWidth()) > canvasWidth + 400, "the canvas takes the room");

        robot.clickOn("#layout-palette-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(window.editor().palette(), onFx(window::getLeft), "and comes back");

        robot.clickOn("#layout-charts-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, onFx(() -> centre().getItems().size()));
        assertSame(window.charts(), onFx(() -> centre().getItems().get(0)), "only the charts");
        assertNull(onFx(window::getLeft));
        assertNull(onFx(window::getRight));
        assertTrue(onFx(() -> window.charts().getWidth()) >= onFx(() -> window.getWidth()) - 1, "across the whole window");
        assertTrue(robot.lookup("#layout-palette-toggle").query().isDisabled(), "the panel toggles wait while the charts fill the window");

        // The shortcut brings the canvas and the panels chosen before back.
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.M).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, onFx(() -> centre().getItems().size()));
        assertSame(window.editor().canvas(), onFx(() -> centre().getItems().get(0)));
        assertSame(window.editor().palette(), onFx(window::getLeft));
        assertNull(onFx(window::getRight), "the side panel stays as it was left");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.B).release(KeyCode.SHIFT, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL).type(KeyCode.B).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(window.sideTabs(), onFx(window::getRight), "Ctrl+Shift+B shows the side panel");
        assertNull(onFx(window::getLeft), "Ctrl+B hides the palette");
    }

    @Test
    void aNarrowWindowShowsTheTrainingButtonsAsIcons(FxRobot robot) throws Exception {
        Button train = robot.lookup("#train-button").queryAs(Button.class);
        assertEquals(ContentDisplay.LEFT, onFx(train::getContentDisplay));
        double width = onFx(stage::getWidth);
        try {
            onFx(() -> { stage.setWidth(960); return null; });
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(ContentDisplay.GRAPHIC_ONLY, onFx(train::getContentDisplay));
            assertTrue(robot.lookup("#layout-panels-menu").query().isVisible(), "the layout toggles fold into the Panels menu");
            assertFalse(onFx(() -> robot.lookup("#layout-panels-menu").query().localToScene(0, 0).getX() + 20 > window.getWidth()),
                    "which stays on the toolbar, not in its overflow menu");
        } finally {
            // TestFX hands every test the same stage: the next test must get the usual window back.
            onFx(() -> { stage.setWidth(width); return null; });
        }
    }
}
