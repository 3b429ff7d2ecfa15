package org.layerlab.app.ui;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.layerlab.compute.text.Messages;
import org.layerlab.compute.train.Pace;

/**
 * The toolbar's speed control: a slider from one step a second, through one step per frame (60 a second, as
 * TensorFlow Playground paces training), up to full speed. It only sets the session's {@link Pace}; the trainer's
 * own thread does the waiting, so moving it while a run trains is safe and takes effect at once.
 */
final class PaceControl extends HBox {
    private static final Messages TEXT = Messages.of("org.layerlab.app.i18n.pace", PaceControl.class);
    /** The slider's stops, in steps a second; the last is full speed. */
    static final List<Double> STOPS = List.of(1.0, 2.0, 5.0, 10.0, 30.0, 60.0, Pace.FULL_SPEED);

    private final Slider slider = new Slider(0, STOPS.size() - 1, STOPS.size() - 1);
    private final Label value = new Label();

    PaceControl(Pace pace) {
        setId("pace-control");
        getStyleClass().add("pace-control");
        setAlignment(Pos.CENTER_LEFT);
        Label name = new Label(TEXT.get("label"));
        name.getStyleClass().add("pace-name");
        slider.setId("pace-slider");
        slider.getStyleClass().add("pace-slider");
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setBlockIncrement(1);
        slider.setSnapToTicks(true);
        slider.setShowTickMarks(true);
        slider.setFocusTraversable(true);
        slider.setValue(stopOf(pace.stepsPerSecond()));
        value.setId("pace-value");
        value.getStyleClass().add("pace-value");
        Tooltip tip = new Tooltip(TEXT.get("tip"));
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        slider.setTooltip(tip);
        name.setTooltip(tip);
        slider.valueProperty().addListener((o, a, v) -> {
            // Snapping happens on release; a drag passes through in-between values, each rounded to its stop.
            double steps = STOPS.get((int) Math.round(v.doubleValue()));
            if (steps != pace.stepsPerSecond()) pace.setStepsPerSecond(steps);
            value.setText(text(steps));
        });
        value.setText(text(pace.stepsPerSecond()));
        getChildren().addAll(name, slider, value);
    }

    Slider slider() { return slider; }

    /** The stop nearest to a pace. */
    private static int stopOf(double stepsPerSecond) {
        if (stepsPerSecond <= 0) return STOPS.size() - 1;
        int best = 0;
        for (int i = 0; i < STOPS.size() - 1; i++) {
            if (Math.abs(STOPS.get(i) - stepsPerSecond) < Math.abs(STOPS.get(best) - stepsPerSecond)) best = i;
        }
        return best;
    }

    private static String text(double stepsPerSecond) {
        if (stepsPerSecond <= 0) return TEXT.get("full");
        if (stepsPerSecond == 60) return TEXT.get("perFrame");
        return TEXT.get("steps", (int) stepsPerSecond);
    }
}
