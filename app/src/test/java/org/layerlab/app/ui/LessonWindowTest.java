package org.layerlab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.image.ImageView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.compute.project.Lesson;
import org.layerlab.compute.project.ProjectArchive;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A lesson in the window: a project with one opens in student mode on its Lesson tab, steps go back and forth, the
 * locked parts are hidden or disabled; teacher mode shows everything and edits the text, the locks and the images as
 * undoable changes that are saved with the project.
 */
@ExtendWith(ApplicationExtension.class)
class LessonWindowTest extends MainWindowFixture {
    @TempDir Path dir;

    @Start void start(Stage stage) { open(stage); }

    static final String TEXT = """
            # Spirals

            Watch the **decision boundary** form.

            ## Change the rate
            - Open *Training*
            - Set the learning rate to `0.003`

            ## Compare
            Which run learned faster?
            """;

    private void openLesson(Set<Lesson.Lock> locks) throws Exception {
        onFx(() -> {
            window.document().open(ProjectDocumentModel.defaultProject().withLesson(new Lesson(TEXT, locks)));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String shownText() throws Exception {
        return onFx(() -> window.lessonPanel().lookupAll(".markdown-text").stream().map(n -> ((Text) n).getText())
                .reduce("", String::concat));
    }

    private Tab tab(String id) throws Exception {
        return onFx(() -> window.sideTabs().getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow());
    }

    @Test void aLessonOpensInStudentModeWithItsLocksAndSteps(FxRobot robot) throws Exception {
        assertFalse(onFx(() -> window.studentMode().get()), "the default project's lesson locks nothing: teacher mode");
        assertTrue(onFx(() -> window.editor().palette().isVisible()));
        openLesson(Set.of(Lesson.Lock.PALETTE, Lesson.Lock.TRAINING, Lesson.Lock.DATA));

        assertTrue(onFx(() -> window.studentMode().get()), "a project whose lesson locks something opens in student mode");
        TabPane tabs = onFx(window::sideTabs);
        assertEquals("lesson-tab", onFx(() -> tabs.getSelectionModel().getSelectedItem().getId()), "it opens on the lesson");
        assertFalse(onFx(() -> window.editor().palette().isVisible()), "the palette is hidden");
        assertTrue(onFx(() -> tab("training-tab").isDisable()), "the Training tab is locked");
        assertTrue(onFx(() -> window.lookup("#data-button").isDisable()), "the Data panel is locked");
        assertFalse(onFx(() -> window.editor().inspector().isDisable()), "properties are not locked by this lesson");
        assertFalse(onFx(() -> window.lookup("#lesson-edit").isVisible()), "students cannot edit the lesson");

        assertTrue(shownText().contains("Spirals") && shownText().contains("decision boundary"), shownText());
        assertEquals("Step 1 of 3", onFx(() -> ((javafx.scene.control.Label) window.lookup("#lesson-step")).getText()));
        assertTrue(onFx(() -> window.lookup("#lesson-back").isDisable()));
        robot.clickOn("#lesson-next");
        assertTrue(shownText().contains("Set the learning rate to 0.003"), shownText());
        assertEquals(2, onFx(() -> window.lessonPanel().lookupAll(".markdown-marker").size()), "a list of two items");
        assertTrue(onFx(() -> window.lessonPanel().lookupAll(".markdown-code").size() == 1));
        robot.clickOn("#lesson-next");
        assertTrue(shownText().startsWith("Compare"), shownText());
        assertTrue(onFx(() -> window.lookup("#lesson-next").isDisable()), "the last step");
        robot.clickOn("#lesson-back");
        assertTrue(shownText().startsWith("Change the rate"), shownText());

        // Teacher mode shows everything.
        onFx(() -> { window.studentMode().set(false); return null; });
        assertTrue(onFx(() -> window.editor().palette().isVisible()));
        assertFalse(onFx(() -> tab("training-tab").isDisable()));
        assertFalse(onFx(() -> window.lookup("#data-button").isDisable()));
        assertTrue(onFx(() -> window.lookup("#lesson-edit").isVisible()));
    }

    @Test void teachersEditTextLocksAndImagesAsUndoableChangesThatAreSaved(FxRobot robot) throws Exception {
        openLesson(Set.of());
        assertFalse(onFx(() -> window.studentMode().get()), "a lesson that locks nothing opens in teacher mode");
        Path png = dir.resolve("boundary plot.png");
        BufferedImage img = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(img, "png", png.toFile());
        onFx(() -> { window.lessonPanel().setImageChooser(() -> png); return null; });

        robot.clickOn("#lesson-edit");
        assertTrue(onFx(() -> window.lessonPanel().isEditing()));
        onFx(() -> {
            var area = (javafx.scene.control.TextArea) window.lookup("#lesson-source");
            area.setText("# Only one step\n\n");
            area.positionCaret(area.getLength());
            return null;
        });
        robot.clickOn("#lesson-insert-image");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() ->
                ((javafx.scene.control.TextArea) window.lookup("#lesson-source")).getText().contains("](lesson/boundary_plot.png)")));
        robot.clickOn("#lesson-apply");
        assertEquals("# Only one step\n\n![boundary_plot.png](lesson/boundary_plot.png)", onFx(() -> window.document().lesson().text()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> window.lessonPanel().lookupAll(".markdown-image").size() == 1));
        assertEquals(40, onFx(() -> ((ImageView) window.lessonPanel().lookup(".markdown-image")).getImage().getWidth()));

        robot.clickOn("#lesson-edit"); // the locks are chosen while editing
        CheckBox palette = onFx(() -> (CheckBox) window.lookup("#lesson-lock-palette"));
        robot.clickOn(palette);
        assertEquals(Set.of(Lesson.Lock.PALETTE), onFx(() -> window.document().lesson().locked()));
        assertEquals("Lock the layer palette", onFx(() -> window.editor().history().undoLabel()));
        assertTrue(onFx(() -> window.editor().palette().isVisible()), "teacher mode still shows it");

        onFx(() -> { window.editor().undo(); return null; });
        assertEquals(Set.of(), onFx(() -> window.document().lesson().locked()), "undo unlocks");
        assertFalse(onFx(palette::isSelected));
        robot.clickOn("#lesson-cancel");
        onFx(() -> { window.editor().undo(); return null; });
        assertEquals(TEXT, onFx(() -> window.document().lesson().text()), "undo restores the text");
        onFx(() -> { window.editor().redo(); window.editor().redo(); return null; });

        Path file = dir.resolve("lesson.layerlab");
        onFx(() -> window.document().write(file)).get(20, TimeUnit.SECONDS);
        var saved = ProjectArchive.read(file);
        assertEquals(onFx(() -> window.document().lesson()), saved.project().lesson());
        assertTrue(saved.entry("data/lesson/boundary_plot.png").isPresent(), "the image is embedded");

        onFx(() -> { window.document().open(ProjectDocumentModel.defaultProject()); return null; });
        assertFalse(onFx(() -> window.studentMode().get()));
        onFx(() -> window.document().open(file)).get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(onFx(() -> window.studentMode().get()));
        assertFalse(onFx(() -> window.editor().palette().isVisible()), "the saved lock applies in student mode");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> window.lessonPanel().lookupAll(".markdown-image").size() == 1));
        Button edit = onFx(() -> (Button) window.lookup("#lesson-edit"));
        assertFalse(onFx(edit::isVisible));
    }

    /**
     * A lesson image is decoded on the pool, never on the FX thread: until its decoder has run, the text shows a
     * placeholder and the window answers; then the image takes the placeholder's place.
     */
    @Test void lessonImagesAreDecodedOffTheFxThreadBehindAPlaceholder(FxRobot robot) throws Exception {
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(30, 12, BufferedImage.TYPE_INT_RGB), "png", png);
        java.util.concurrent.BlockingQueue<Runnable> held = new java.util.concurrent.LinkedBlockingQueue<>();
        onFx(() -> {
            window.lessonPanel().useImageDecoder(held::add); // decoding waits until the test lets it run
            window.document().open(ProjectDocumentModel.defaultProject().withLesson(new Lesson("# Look\n\n![the plot](lesson/plot.png)\n", Set.of())));
            window.document().putEntry("data/lesson/plot.png", png.toByteArray());
            window.editor().execute(new org.layerlab.editor.command.ValueEdit<>("re-read", window.document()::setLesson,
                    window.document().lesson(), window.document().lesson().withText("# Look\n\n![the plot](lesson/plot.png)")));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Runnable decode = held.poll(10, TimeUnit.SECONDS);
        org.junit.jupiter.api.Assertions.assertNotNull(decode, "the image went to the decoder");
        assertEquals(1, onFx(() -> window.lessonPanel().lookupAll(".markdown-image-loading").size()), "a placeholder shows meanwhile");
        assertEquals(0, onFx(() -> window.lessonPanel().lookupAll(".markdown-image").size()), "nothing was decoded on the FX thread");
        assertTrue(onFx(() -> ((javafx.scene.control.Label) window.lessonPanel().lookup(".markdown-image-loading")).getText().contains("the plot")));

        Thread worker = new Thread(decode, "test-decoder"); // as a pool thread would
        worker.start();
        worker.join(10_000);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> window.lessonPanel().lookupAll(".markdown-image").size() == 1));
        assertEquals(0, onFx(() -> window.lessonPanel().lookupAll(".markdown-image-loading").size()), "the image replaced the placeholder");
        assertEquals(30, onFx(() -> ((ImageView) window.lessonPanel().lookup(".markdown-image")).getImage().getWidth()));
        onFx(() -> { window.lessonPanel().useImageDecoder(Runnable::run); return null; });
    }
}
