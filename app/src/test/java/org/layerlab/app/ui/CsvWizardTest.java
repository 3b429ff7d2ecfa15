package org.layerlab.app.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.compute.data.DataContext;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The CSV import wizard in the real window: detection, a missing value named by line and column, roles and encodings giving the expected tensors. */
@ExtendWith(ApplicationExtension.class)
class CsvWizardTest extends MainWindowFixture {

    @Start
    void start(Stage stage) { open(stage); }

    /** A table with a text column to one-hot, a missing weight (line 3) and a text label; semicolons, CRLF. */
    private static Path table(Path dir) throws Exception {
        Path f = dir.resolve("pets.csv");
        Files.writeString(f, "name;colour;size;weight;kind\r\n"
                + "a;red;1.0;10;cat\r\n"
                + "b;blue;3.0;;dog\r\n"
                + "c;red;5.0;30;cat\r\n"
                + "d;green;7.0;40;dog\r\n");
        return f;
    }

    private CsvImportWizard openWizard(FxRobot robot) throws Exception {
        robot.clickOn("#data-button");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> window.dataPanel() != null));
        onFx(() -> { window.dataPanel().sourceList().scrollTo(org.layerlab.compute.data.DataSources.CATALOG.get("csv")); return null; });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#source-csv");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> window.csvWizard() != null));
        assertEquals("two-spirals", onFx(() -> window.data().spec().source()), "choosing CSV opens the wizard; nothing changes before Import");
        return onFx(window::csvWizard);
    }

    private static void awaitResult(CsvImportWizard w, String contains) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> w.resultText().contains(contains)));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the wizard says: " + onFx(w::resultText) + " (params " + onFx(w::params) + ")");
        }
    }

    @Test void theWizardsChoicesGiveTheExpectedTensors(FxRobot robot, @TempDir Path dir) throws Exception {
        Path file = table(dir);
        CsvImportWizard w = openWizard(robot);
        TextField name = robot.lookup("#csv-file").queryAs(TextField.class);
        robot.clickOn(name).write(file.toString()).type(KeyCode.ENTER);
        awaitResult(w, "line 3");
        String error = onFx(w::resultText);
        assertTrue(error.contains("weight") && error.contains("column 4"), "the missing value is named by line and column: " + error);
        assertFalse(onFx(w::canImport));
        String detected = onFx(() -> ((javafx.scene.control.Label) robot.lookup("#csv-detected").query()).getText());
        assertTrue(detected.contains("semicolon") && detected.contains("header") && detected.contains("CRLF"), detected);
        assertEquals(5, onFx(() -> w.columnRows().size()));
        assertEquals(CsvImportWizard.Role.LABEL, onFx(() -> w.columnRows().get(4).role.get()), "the last column is the label at first");

        onFx(() -> {
            w.setRole("name", CsvImportWizard.Role.IGNORE);
            w.setOneHot("colour", true);
            w.setOption("missing", "impute");
            return null;
        });
        awaitResult(w, "samples");
        assertTrue(onFx(w::canImport));
        var d = onFx(w::built);
        assertEquals(List.of("colour=blue", "colour=green", "colour=red", "size", "weight"), d.featureNames());
        float mean = (10 + 30 + 40) / 3f;
        assertArrayEquals(new float[] {
                0, 0, 1, 1, 10,
                1, 0, 0, 3, mean,
                0, 0, 1, 5, 30,
                0, 1, 0, 7, 40}, d.x().data(), 1e-5f);
        assertArrayEquals(new int[] {0, 1, 0, 1}, d.labels());
        assertEquals(List.of("cat", "dog"), d.classNames());

        onFx(() -> { w.setOption("normalize", "minmax"); return null; });
        awaitResult(w, "samples");
        robot.clickOn("#csv-import-button");
        WaitForAsyncUtils.waitForFxEvents();
        var spec = onFx(() -> window.data().spec());
        assertEquals("csv", spec.source());
        assertEquals("colour,size,weight", spec.params().getString("features"), "the ignored column is left out");
        assertEquals("colour", spec.params().getString("oneHot"));
        assertEquals("Import pets.csv", onFx(() -> window.editor().history().undoLabel()));

        // The panel loads it in the background; the Input layer follows the 5 features in the same step.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> window.dataPanel().shownLoad() != null
                && window.dataPanel().shownLoad().spec().equals(window.data().spec())));
        assertEquals(List.of(5), onFx(() -> window.editor().getGraph().node("input").params().getShape("shape")));
        assertEquals("Import pets.csv", onFx(() -> window.editor().history().undoLabel()), "one step for the data and the Input");
        var prepared = spec.prepare(DataContext.of(null)).splits().train();
        float[] x = prepared.x().data();
        for (int i = 0; i < x.length; i++) assertTrue(x[i] >= -1e-6 && x[i] <= 1 + 1e-6, "min-max normalised on the training part: " + x[i]);

        onFx(() -> { window.editor().undo(); return null; });
        assertEquals("two-spirals", onFx(() -> window.data().spec().source()));
        assertEquals(List.of(2), onFx(() -> window.editor().getGraph().node("input").params().getShape("shape")));
    }
}
