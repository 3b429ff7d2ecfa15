package org.layerlab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ToolBar;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Room for a live demo: the layout holds at the window sizes UI scales of 1.25, 1.5 and 2 leave (1600×1000 at 1.25 is
 * 1280×800, 1366×768 at 1.25 is 1093×614, 1920×1080 at 1.5 and 2 is 1280×720 and 960×540, 1600×1000 at 2 is 800×500), and presentation mode at 1280×720
 * makes room for the charts and keeps every training control on the toolbar.
 */
@ExtendWith(ApplicationExtension.class)
class RoomLayoutTest extends MainWindowFixture {
    @Start
    void start(Stage stage) { open(stage); }

    private static final List<String> TRAINING_CONTROLS = List.of("#train-button", "#pause-button", "#step-button", "#stop-button",
            "#reset-button", "#pace-control");

    private void resize(double w, double h) throws Exception {
        onFx(() -> { stage.setX(0); stage.setY(0); stage.setWidth(w); stage.setHeight(h); return null; }); // all on the screen
        WaitForAsyncUtils.waitForFxEvents();
        // the window's size arrives with the next pulses; the layout follows it
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> onFx(() -> Math.abs(window.getWidth() - w) < 1));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Whether a tool bar shows its overflow button ("»"): some control did not fit. */
    private boolean overflows(FxRobot robot, String toolbar) throws Exception {
        ToolBar bar = robot.lookup(toolbar).queryAs(ToolBar.class);
        return onFx(() -> bar.lookupAll(".tool-bar-overflow-button").stream().anyMatch(Node::isVisible));
    }

    private static String describe(ToolBar bar) {
        try {
            return onFx(() -> bar.getWidth() + " wide, items " + bar.getItems().stream()
                    .map(i -> i.getClass().getSimpleName() + ":" + Math.round(i.prefWidth(-1))).toList());
        } catch (Exception e) {
            return e.toString();
        }
    }

    private Bounds inScene(Node n) throws Exception { return onFx(() -> n.localToScene(n.getLayoutBounds())); }

    /** Every training control is on the toolbar (inside the window, not in the overflow menu) and visible. */
    private void assertTrainingControlsShown(FxRobot robot, String where) throws Exception {
        ToolBar bar = robot.lookup("#main-toolbar").queryAs(ToolBar.class);
        assertFalse(overflows(robot, "#main-toolbar"), () -> where + ": nothing goes behind the toolbar's » button: " + describe(bar));
        double width = onFx(window::getWidth);
        for (String id : TRAINING_CONTROLS) {
            Node n = robot.lookup(id).query();
            assertTrue(onFx(() -> n.isVisible() && n.getScene() != null), where + ": " + id + " shows");
            assertTrue(inScene(n).getMaxX() <= width + 0.5, where + ": " + id + " lies inside the window");
        }
    }

    /** Every card on the canvas lies inside it, below its floating toolbar's top: the graph was fitted to the new size. */
    private void assertCardsInsideCanvas(FxRobot robot, String where) throws Exception {
        Bounds canvas = inScene(window.editor().canvas());
        Set<Node> cards = robot.lookup(".node-card").queryAll();
        assertEquals(4, cards.size(), where);
        for (Node c : cards) {
            Bounds b = inScene(c);
            assertTrue(canvas.contains(b), where + ": a card at " + b + " is cut by the canvas " + canvas);
        }
    }

    @Test
    void theLayoutHoldsAtUiScalesOneAndAQuarterOneAndAHalfAndTwo(FxRobot robot) throws Exception {
        double w0 = onFx(stage::getWidth), h0 = onFx(stage::getHeight);
        try {
            // Monocle's headless screen is 1280×800: larger windows are not drawn, so the scales are taken on screens
            // that give sizes within it (1.25 on 1600×1000 and on 1366×768, 1.5 and 2 on 1920×1080, 2 on 1600×1000).
            for (double[] size : new double[][] {{1280, 800}, {1093, 614}, {1280, 720}, {960, 540}, {800, 500}}) {
                String where = (int) size[0] + "×" + (int) size[1];
                resize(size[0], size[1]);
                assertTrainingControlsShown(robot, where);
                assertFalse(overflows(robot, "#scalar-toolbar"), where + ": the chart controls fit (or fold into Options)");
                double canvas = onFx(() -> window.editor().canvas().getHeight()), charts = onFx(() -> window.charts().getHeight());
                double h = onFx(window::getHeight);
                assertTrue(canvas >= MainWindow.CANVAS_MIN_SHARE * h - 1, where + ": the canvas keeps its share, " + canvas + " of " + h);
                assertTrue(charts >= 170 - 1, where + ": the charts keep room for their axes, " + charts);
                assertCardsInsideCanvas(robot, where);
            }
            assertEquals(ToolbarFit.ICONS, onFx(window::toolbarFit), "at 800 px the training buttons show their icons only");
            resize(1280, 800);
            assertEquals(ToolbarFit.FULL, onFx(window::toolbarFit));
            assertTrue(robot.lookup("#layout-palette-toggle").tryQuery().isPresent(), "a wide window has the toggles back");
        } finally {
            resize(w0, h0); // TestFX hands every test the same stage
        }
    }

    @Test
    void presentationModeAt1280x720CollapsesThePaletteAndGivesTheChartsRoom(FxRobot robot) throws Exception {
        double w0 = onFx(stage::getWidth), h0 = onFx(stage::getHeight);
        try {
            resize(1280, 720);
            assertSame(window.editor().palette(), onFx(window::getLeft));
            onFx(() -> { app.appearance().presentationProperty().set(true); return null; });
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.waitForFxEvents();
            assertNull(onFx(window::getLeft), "presentation mode collapses the palette");
            assertSame(window.sideTabs(), onFx(window::getRight), "the side panel (the Inside tab) stays");
            assertTrainingControlsShown(robot, "presentation");
            assertFalse(overflows(robot, "#scalar-toolbar"));
            assertFalse(onFx(() -> window.charts().scalars().compactToolbar()), "with the palette collapsed the chart controls fit in a row");
            assertTrue(robot.lookup("#layout-panels-menu").query().isVisible(), "the layout toggles are one Panels menu");
            assertCardsInsideCanvas(robot, "presentation");

            // Each chart is large enough to read, and nothing cuts its axes: it ends inside the chart area.
            Bounds area = inScene(window.charts());
            Set<ChartViewer> viewers = robot.from(window.charts().scalars()).lookup((java.util.function.Predicate<Node>) n -> n instanceof ChartViewer).queryAll();
            assertEquals(2, viewers.size());
            for (ChartViewer v : viewers) {
                Bounds b = inScene(v);
                assertTrue(b.getWidth() >= 330 && b.getHeight() >= 220, "a chart of " + b.getWidth() + "×" + b.getHeight());
                assertTrue(b.getMaxY() <= area.getMaxY() + 0.5, "the chart " + b + " ends inside the chart area " + area);
            }

            // The Panels menu brings the palette back during the demo, as the toggle would.
            robot.clickOn("#layout-panels-menu");
            robot.clickOn("#panels-palette");
            WaitForAsyncUtils.waitForFxEvents();
            assertSame(window.editor().palette(), onFx(window::getLeft));
            robot.clickOn("#layout-panels-menu");
            robot.clickOn("#panels-palette");
            WaitForAsyncUtils.waitForFxEvents();
            assertNull(onFx(window::getLeft));

            onFx(() -> { app.appearance().presentationProperty().set(false); return null; });
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.waitForFxEvents();
            assertSame(window.editor().palette(), onFx(window::getLeft), "leaving presentation mode brings the palette back");
            assertFalse(overflows(robot, "#scalar-toolbar"));
            assertEquals(ToolbarFit.FULL, onFx(window::toolbarFit), "at desk type the whole toolbar fits 1280 px");
        } finally {
            onFx(() -> { app.appearance().presentationProperty().set(false); return null; });
            resize(w0, h0);
        }
    }

    @Test
    void theChartOptionsMenuSetsWhatTheFullToolbarDoes(FxRobot robot) throws Exception {
        double w0 = onFx(stage::getWidth), h0 = onFx(stage::getHeight);
        try {
            resize(800, 500);
            assertTrue(onFx(() -> window.charts().scalars().compactToolbar()));
            var settings = window.charts().scalars().settings();
            robot.clickOn("#chart-options-menu");
            robot.clickOn("#chart-options-log");
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(onFx(settings.logY::get), "Log Y from the menu");
            robot.clickOn("#chart-options-menu");
            robot.clickOn("#chart-options-outliers");
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(onFx(settings.ignoreOutliers::get), "Ignore outliers from the menu");
            // and the other way: a setting changed elsewhere shows in the menu
            onFx(() -> { settings.xAxis.set(org.layerlab.charts.model.XAxisKind.EPOCH); return null; });
            var epoch = robot.lookup("#chart-options-menu").queryAs(javafx.scene.control.MenuButton.class).getItems().stream()
                    .filter(i -> "chart-options-x".equals(i.getId())).findFirst().map(m -> ((javafx.scene.control.Menu) m).getItems().stream()
                            .filter(i -> "chart-options-x-epoch".equals(i.getId())).findFirst().orElseThrow()).orElseThrow();
            assertTrue(onFx(() -> ((javafx.scene.control.RadioMenuItem) epoch).isSelected()));
        } finally {
            resize(w0, h0);
        }
    }
}
