package org.layerlab.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.catalog.Params;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The sheet for declared settings outside the graph: applicable rows only, checked edits, refused values explained. */
@ExtendWith(ApplicationExtension.class)
class ParamSheetTest {
    private static final List<ParamSpec> SPECS = List.of(
            ParamSpec.integer("samples", "Samples", 400, 10, 1000, "How many."),
            ParamSpec.real("noise", "Noise", 0.0, 0.0, 2.0, "Jitter."),
            ParamSpec.choice("kind", "Kind", "a", List.of("a", "b"), "Which."),
            ParamSpec.real("only", "Only for b", 1.0, 0.0, 5.0, "Applies to b.").shownWhen("b.only", "kind", "b"));

    private ParamSheet sheet;
    private final List<Params> changes = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        sheet = new ParamSheet();
        sheet.setId("sheet");
        sheet.setOnChange((spec, value, after) -> { changes.add(after); sheet.show(after); });
        sheet.show(Params.defaults(SPECS));
        stage.setScene(new Scene(sheet, 360, 300));
        stage.show();
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    @Test void showsApplicableSettingsAndHandsOverCheckedChanges(FxRobot robot) throws Exception {
        assertEquals(3, onFx(() -> sheet.sheet().getItems().size()), "a setting of an entry not chosen is hidden");
        TextField noise = robot.lookup("#sheet-noise-text").queryAs(TextField.class);
        robot.doubleClickOn(noise).eraseText(8).write("0.5").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, changes.size());
        assertEquals(0.5, changes.get(0).getDouble("noise"));
        javafx.scene.Node up = robot.lookup("#sheet-noise").lookup(".increment-arrow-button").query();
        robot.clickOn(up);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, changes.size(), "one click on the arrow is one change");
        assertEquals(0.55, changes.get(1).getDouble("noise"), 1e-9, "noise steps by 0.05");
        onFx(() -> { sheet.edit("kind", "b"); return null; });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, onFx(() -> sheet.sheet().getItems().size()), "the chosen entry's own setting appears");
    }

    @Test void refusesAValueOutOfRangeAndKeepsTheOldOne(FxRobot robot) throws Exception {
        TextField samples = robot.lookup("#sheet-samples-text").queryAs(TextField.class);
        robot.doubleClickOn(samples).eraseText(8).write("5").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), changes);
        assertTrue(onFx(sheet::message).contains("10"), onFx(sheet::message));
        assertEquals(400, onFx(() -> sheet.shown().getInt("samples")));
    }

    @Test void numbersReadPlainlyWhileShortAndInScientificNotationWhenTinyOrHuge() {
        assertEquals("1e-8", ParamSheet.numberText(1e-8));
        assertEquals("2.5e-5", ParamSheet.numberText(2.5e-5));
        assertEquals("0.003", ParamSheet.numberText(0.003));
        assertEquals("0.999", ParamSheet.numberText(0.999));
        assertEquals("0", ParamSheet.numberText(0));
        assertEquals("42", ParamSheet.numberText(42));
        assertEquals("-1e-10", ParamSheet.numberText(-1e-10));
        assertEquals("3e9", ParamSheet.numberText(3e9));
        assertEquals(1e-8, Double.parseDouble(ParamSheet.numberText(1e-8)), "what the field shows reads back as the value");
    }
}
