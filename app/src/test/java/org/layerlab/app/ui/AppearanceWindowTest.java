package org.layerlab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Circle;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.charts.ChartStyle;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window's looks come from the style sheets: category accents, Light and Dark themes, presentation mode. */
@ExtendWith(ApplicationExtension.class)
class AppearanceWindowTest extends MainWindowFixture {
    private static final Color CORE = Color.web("#E69F00"); // CategoryStyle's accent for Dense (Okabe–Ito orange)
    private static final String SETTINGS = "layerlab.settings.dir";
    private static String buildSettings;
    @TempDir static Path settings;

    @BeforeAll static void ownSettingsFolder() {
        buildSettings = System.getProperty(SETTINGS);
        System.setProperty(SETTINGS, settings.toString());
    }

    @AfterAll static void buildSettingsFolder() {
        if (buildSettings == null) System.clearProperty(SETTINGS); else System.setProperty(SETTINGS, buildSettings);
    }

    @Start void start(Stage stage) { open(stage); }

    /** Every test starts and ends Light, so the tests after it in this JVM see the default looks. */
    @AfterEach void backToLight() throws Exception {
        onFx(() -> {
            app.appearance().presentationProperty().set(false);
            app.appearance().themeProperty().set(Appearance.Theme.LIGHT);
            return null;
        });
    }

    private static Paint background(Region r) throws Exception {
        return onFx(() -> r.getBackground().getFills().get(0).getFill());
    }

    private static double luminance(Paint p) {
        Color c = (Color) p;
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    }

    @Test void cardsPortsAndPaletteReadTheCategoryAccentFromTheGeneratedSheet(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Circle port = robot.lookup("#port-out-hidden-1").queryAs(Circle.class);
        assertEquals(CORE, onFx(port::getStroke));
        Region card = robot.lookup("#node-hidden-1").queryAs(Region.class);
        assertEquals(CORE, onFx(() -> card.getBorder().getStrokes().get(0).getLeftStroke()));
        Label dense = robot.lookup("#palette-dense").queryAs(Label.class);
        assertEquals(CORE, onFx(() -> dense.getBorder().getStrokes().get(0).getLeftStroke()));
    }

    @Test void presentationModeEnlargesTheFontsAndF5TurnsItOff(FxRobot robot) throws Exception {
        // the toolbar's (the palette collapses in presentation mode)
        javafx.scene.control.Labeled item = robot.lookup("#train-button").queryAs(javafx.scene.control.Labeled.class);
        Label title = robot.lookup(".node-title").queryAs(Label.class);
        double before = onFx(() -> item.getFont().getSize()), titleBefore = onFx(() -> title.getFont().getSize());
        robot.clickOn("#graph-canvas");
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> app.appearance().presentationProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        double after = onFx(() -> item.getFont().getSize());
        assertTrue(after >= before * 1.25, before + " px → " + after + " px");
        assertTrue(onFx(() -> title.getFont().getSize()) > titleBefore, "the cards' titles grow too");
        assertTrue(onFx(() -> stage.getScene().getRoot().getStyleClass().contains("presentation")));
        assertTrue(onFx(() -> ChartStyle.look().presentation() && ChartStyle.strokeScale() > 1), "the charts' strokes thicken");
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> item.getFont().getSize() == before));
    }

    @Test void darkChangesTheCanvasAndTheChartsAndIsRememberedAfterARestart(FxRobot robot) throws Exception {
        Region canvas = robot.lookup("#graph-canvas").queryAs(Region.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#chart-loss").tryQuery().isPresent());
        ChartViewer chart = robot.lookup("#chart-loss").queryAs(ChartViewer.class);
        Paint lightCanvas = background(canvas);
        java.awt.Paint lightChart = onFx(() -> chart.getChart().getBackgroundPaint());
        assertTrue(luminance(lightCanvas) > 0.8, "light canvas: " + lightCanvas);

        // View → Theme → Dark, the menu item the menu bar shows.
        onFx(() -> {
            javafx.scene.control.Menu themes = (javafx.scene.control.Menu) window.viewMenu().getItems().stream()
                    .filter(i -> "theme-menu".equals(i.getId())).findFirst().orElseThrow();
            themes.getItems().stream().filter(i -> "theme-dark".equals(i.getId())).findFirst().orElseThrow().fire();
            return null;
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> luminance(background(canvas)) < 0.2);
        java.awt.Paint darkChart = onFx(() -> chart.getChart().getBackgroundPaint());
        assertNotEquals(lightChart, darkChart);
        assertTrue(((java.awt.Color) darkChart).getRed() < 40, "dark chart: " + darkChart);
        assertTrue(Files.readString(settings.resolve("appearance.properties")).contains("theme=dark"));

        // A restart reads the setting back: a second application on a new stage opens Dark.
        LayerLabApp second = new LayerLabApp();
        Stage[] again = new Stage[1];
        onFx(() -> {
            app.stop();
            stage.close();
            again[0] = new Stage();
            second.start(again[0]);
            return null;
        });
        try {
            assertEquals(Appearance.Theme.DARK, onFx(() -> second.appearance().themeProperty().get()));
            Region reopened = (Region) onFx(() -> again[0].getScene().lookup("#graph-canvas"));
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> luminance(background(reopened)) < 0.2);
            onFx(() -> { second.appearance().themeProperty().set(Appearance.Theme.LIGHT); return null; });
        } finally {
            onFx(() -> {
                ((MainWindow) again[0].getScene().getRoot()).session().stop();
                second.stop();
                again[0].close();
                return null;
            });
        }
    }
}
