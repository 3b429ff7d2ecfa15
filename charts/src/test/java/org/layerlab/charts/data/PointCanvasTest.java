package org.layerlab.charts.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drawing points with the real pointer: click adds one, a drag paints many, the eraser removes, Clear empties; one edit each. */
@ExtendWith(ApplicationExtension.class)
class PointCanvasTest {
    private PointCanvasView view;
    private final List<PointCanvasView.Edit> edits = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        view = new PointCanvasView();
        view.setOnEdit(edits::add);
        stage.setScene(new Scene(view, 520, 420));
        stage.show();
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    /** The screen point of data coordinates (x, y). */
    private Point2D screen(double x, double y) throws Exception {
        return onFx(() -> {
            double[] p = view.plot().toPixel(x, y);
            return view.plot().plotCanvas().localToScreen(p[0], p[1]);
        });
    }

    @Test void clickDragEraseAndClearEachMakeOneEdit(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#draw-class-b");
        robot.moveTo(screen(2, 3)).clickOn(MouseButton.PRIMARY);
        assertEquals(1, edits.size());
        robot.clickOn("#draw-class-b"); // clicking the chosen class again keeps it chosen
        robot.moveTo(screen(2.5, 3)).clickOn(MouseButton.PRIMARY);
        assertEquals(2, edits.size());
        onFx(() -> { view.setPoints(edits.get(0).after()); return null; });
        edits.remove(1);
        PointCanvasView.Point p = onFx(() -> view.points().get(0));
        assertEquals(2, p.x(), 0.1);
        assertEquals(3, p.y(), 0.1);
        assertEquals(1, p.value(), "class B");

        robot.clickOn("#draw-class-a");
        robot.moveTo(screen(-4, -4)).press(MouseButton.PRIMARY);
        for (int i = 1; i <= 8; i++) robot.moveTo(screen(-4 + i, -4));
        robot.release(MouseButton.PRIMARY);
        assertEquals(2, edits.size(), "a drag is one edit");
        int painted = onFx(() -> view.points().size()) - 1;
        assertTrue(painted >= 5, "a drag paints many points: " + painted);
        assertTrue(onFx(() -> view.points().stream().skip(1).allMatch(q -> q.value() == 0)), "class A");
        assertEquals(painted, edits.get(1).count());
        assertEquals(1, edits.get(1).before().size());

        robot.clickOn("#draw-erase");
        robot.moveTo(screen(2, 3)).clickOn(MouseButton.PRIMARY);
        assertEquals(3, edits.size());
        assertEquals("erase", edits.get(2).kind());
        assertTrue(onFx(() -> view.points().stream().noneMatch(q -> q.value() == 1)), "the B point is erased");

        robot.clickOn("#draw-clear");
        assertEquals(4, edits.size());
        assertEquals(List.of(), onFx(view::points));
        assertEquals(painted, edits.get(3).before().size());

        onFx(() -> { view.setPoints(edits.get(3).before()); return null; }); // what an undo does
        assertEquals(painted, onFx(() -> view.points().size()));
    }

    @Test void regressionPointsCarryTheChosenValue(FxRobot robot) throws Exception {
        onFx(() -> { view.setMode(true, 2); view.setValue(2.5); return null; });
        WaitForAsyncUtils.waitForFxEvents();
        robot.moveTo(screen(1, 1)).clickOn(MouseButton.PRIMARY);
        assertEquals(2.5, onFx(() -> view.points().get(0).value()));
        assertEquals(ScatterPlotView.ColourBy.VALUE, onFx(() -> view.plot().colourBy()));
    }
}
