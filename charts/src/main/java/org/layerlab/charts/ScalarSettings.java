package org.layerlab.charts;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.layerlab.charts.model.SmoothedSeries;
import org.layerlab.charts.model.XAxisKind;

/** The scalar dashboard's view settings, shared by every metric chart. */
public final class ScalarSettings {
    public final DoubleProperty smoothing = new SimpleDoubleProperty(0.6);
    public final ObjectProperty<SmoothedSeries.Mode> mode = new SimpleObjectProperty<>(SmoothedSeries.Mode.EMA);
    public final IntegerProperty window = new SimpleIntegerProperty(25);
    public final ObjectProperty<XAxisKind> xAxis = new SimpleObjectProperty<>(XAxisKind.STEP);
    public final BooleanProperty logY = new SimpleBooleanProperty(false);
    public final BooleanProperty ignoreOutliers = new SimpleBooleanProperty(false);
    public final BooleanProperty showRaw = new SimpleBooleanProperty(true);
    /** Also draw the per-epoch train average where the train curve is per batch. */
    public final BooleanProperty showEpochTrain = new SimpleBooleanProperty(true);

    /** The smoothing weight as used: slider values are clamped to [0, 0.999]. */
    public double weight() { return Math.max(0, Math.min(0.999, smoothing.get())); }
}
