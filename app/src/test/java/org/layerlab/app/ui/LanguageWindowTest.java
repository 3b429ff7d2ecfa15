package org.layerlab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** View → Language switches the window between English and Chinese in place, and the choice outlives a restart. */
@ExtendWith(ApplicationExtension.class)
class LanguageWindowTest extends MainWindowFixture {
    private static final String SETTINGS = "layerlab.settings.dir";
    @TempDir static Path settings;
    private final String defaultSettings = System.getProperty(SETTINGS);
    private final Locale defaultLocale = Locale.getDefault();

    @Start
    void start(Stage stage) {
        System.setProperty(SETTINGS, settings.toString());
        Locale.setDefault(Locale.ENGLISH);
        open(stage);
    }

    @AfterEach
    void restore() throws Exception {
        onFx(() -> { Language.choose(Language.Choice.of(defaultLocale), settings); return null; });
        Locale.setDefault(defaultLocale);
        if (defaultSettings == null) System.clearProperty(SETTINGS); else System.setProperty(SETTINGS, defaultSettings);
    }

    private MenuBar menus() { return (MenuBar) ((VBox) window.getTop()).getChildren().get(0); }

    private Menu languageMenu() {
        return (Menu) menus().getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "language-menu".equals(i.getId())).findFirst().orElseThrow();
    }

    /** Chooses a language from View → Language, as a click on it would. */
    private void choose(String id) throws Exception {
        onFx(() -> {
            MenuItem item = languageMenu().getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
            item.fire();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String fileMenu() throws Exception { return onFx(() -> menus().getMenus().get(0).getText()); }

    private String group(FxRobot robot, String category) throws Exception {
        return onFx(() -> robot.lookup("#palette-group-" + category).queryAs(TitledPane.class).getText());
    }

    @Test
    void switchingRelabelsTheMenusAndThePaletteAndBack(FxRobot robot) throws Exception {
        assertEquals("File", fileMenu());
        assertEquals("Core", group(robot, "core"));

        choose("language-chinese");
        assertEquals("文件", fileMenu());
        assertEquals("核心", group(robot, "core"));
        assertEquals("输入与输出", group(robot, "input"));
        assertEquals("语言", onFx(() -> languageMenu().getText()), "the language menu itself is relabelled");
        assertEquals("编辑", onFx(() -> menus().getMenus().get(1).getText()));
        assertEquals("训练", onFx(() -> robot.lookup("#train-button").queryButton().getText()));
        assertEquals("搜索层", onFx(() -> robot.lookup("#palette-search").queryTextInputControl().getPromptText()));
        assertTrue(onFx(() -> robot.lookup("#status-step").queryLabeled().getText()).startsWith("步"));

        choose("language-english");
        assertEquals("File", fileMenu());
        assertEquals("Core", group(robot, "core"));
        assertEquals("Train", onFx(() -> robot.lookup("#train-button").queryButton().getText()));
        assertEquals("Search layers", onFx(() -> robot.lookup("#palette-search").queryTextInputControl().getPromptText()));
    }

    @Test
    void aRunKeepsTrainingThroughTheSwitch(FxRobot robot) throws Exception {
        startLongRun(robot, 5);
        long before = onFx(() -> window.session().progressProperty().get().step());
        choose("language-chinese");
        assertEquals("文件", fileMenu());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("#status-step").queryLabeled().getText()).startsWith("步"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> window.session().progressProperty().get().step()) > before + 5);
        assertEquals(TrainingSession.Status.RUNNING, onFx(() -> window.session().statusProperty().get()));
    }

    @Test
    void theChoiceIsRememberedAfterARestart(FxRobot robot) throws Exception {
        choose("language-chinese");
        assertTrue(Files.readString(settings.resolve("language.txt")).contains("zh"));
        // Restart: the system's language is English again, as at a fresh start; the saved choice wins.
        onFx(() -> { window.session().stop(); app.stop(); return null; });
        Locale.setDefault(Locale.ENGLISH);
        LayerLabApp second = new LayerLabApp();
        Stage secondStage = onFx(() -> { Stage s = new Stage(); second.start(s); return s; });
        try {
            MainWindow w = (MainWindow) secondStage.getScene().getRoot();
            assertEquals("文件", onFx(() -> ((MenuBar) ((VBox) w.getTop()).getChildren().get(0)).getMenus().get(0).getText()));
            assertEquals(Locale.SIMPLIFIED_CHINESE, Locale.getDefault());
        } finally {
            onFx(() -> { ((MainWindow) secondStage.getScene().getRoot()).session().stop(); secondStage.close(); second.stop(); return null; });
        }
    }
}
