package org.layerlab.charts.inside;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.layerlab.charts.model.RunData;
import org.layerlab.charts.model.RunStore;
import org.layerlab.compute.train.probe.NeuronMapProbe;
import org.layerlab.compute.train.probe.PlaneGrid;

/**
 * What each hidden neuron responds to: for every Dense layer a 2-D input feeds, one small map per neuron of its
 * activation over the input plane (blue below zero, orange above, each map scaled to its own largest value).
 * Clicking a map shows it large above the others; clicking the large one (or the same map) closes it.
 */
public final class NeuronMapsView extends VBox {
    /** Side of a small map, in pixels. */
    static final double TILE = 38;

    private final RunStore store;
    private final Label empty = new Label(DecisionView.TEXT.get("neurons.empty"));
    private final VBox layers = new VBox(6);
    private final Canvas enlarged = new Canvas(240, 240);
    private final Label enlargedCaption = new Label();
    private final VBox enlargedBox = new VBox(2, enlargedCaption, enlarged);
    private final List<Tile> tiles = new ArrayList<>();
    private RunData picked;
    private NeuronMapProbe.Result shown;
    private String structure = "";
    private Tile open;

    /** One neuron's small map. */
    private final class Tile {
        final int layer, unit;
        final String layerName;
        final Canvas canvas = new Canvas(TILE, TILE);
        WritableImage image;

        Tile(int layer, int unit, String layerName) {
            this.layer = layer;
            this.unit = unit;
            this.layerName = layerName;
            canvas.getStyleClass().add("neuron-map");
            canvas.setId("neuron-" + layer + "-" + unit);
            Tooltip.install(canvas, new Tooltip(DecisionView.TEXT.get("neurons.tile", layerName, unit + 1)));
            canvas.setOnMouseClicked(e -> toggle(this));
        }
    }

    public NeuronMapsView(RunStore store) {
        this.store = store;
        setId("neuron-maps");
        getStyleClass().add("neuron-maps-view");
        Label title = new Label(DecisionView.TEXT.get("neurons.title"));
        title.getStyleClass().add("inside-title");
        empty.getStyleClass().add("inside-empty");
        empty.setWrapText(true);
        empty.setId("neurons-empty");
        enlargedBox.setId("neuron-enlarged");
        enlargedBox.getStyleClass().add("neuron-enlarged");
        enlargedCaption.getStyleClass().add("inside-caption");
        enlargedCaption.setWrapText(true);
        enlarged.setOnMouseClicked(e -> toggle(open));
        enlargedBox.setVisible(false);
        enlargedBox.managedProperty().bind(enlargedBox.visibleProperty());
        setSpacing(4);
        getChildren().addAll(title, empty, enlargedBox, layers);
        refresh();
    }

    public void pick(RunData r) {
        picked = r;
        refresh();
    }

    /** The maps on screen now, or null (tests). */
    public NeuronMapProbe.Result shownMaps() { return shown; }

    /** How many small maps there are. */
    public int tileCount() { return tiles.size(); }

    /** The enlarged map's neuron as "layer/unit", or null when none is open (tests). */
    public String enlargedNeuron() { return open == null ? null : open.layer + "/" + open.unit; }

    private RunData subject() {
        List<RunData> runs = store.runs();
        if (picked != null && runs.contains(picked) && picked.neuronMaps() != null) return picked;
        for (int i = runs.size() - 1; i >= 0; i--) if (runs.get(i).neuronMaps() != null) return runs.get(i);
        return null;
    }

    /** Takes the latest maps and draws them when they are new. FX thread. */
    public void refresh() {
        RunData r = subject();
        NeuronMapProbe.Result m = r == null ? null : r.neuronMaps();
        empty.setVisible(m == null);
        empty.setManaged(m == null);
        if (m == shown) return;
        shown = m;
        rebuildIfNeeded(m);
        for (Tile t : tiles) draw(t, t.canvas, m);
        if (open != null) draw(open, enlarged, m);
    }

    /** New tiles only when the layers or their widths changed: a running network keeps its tiles, redrawn in place. */
    private void rebuildIfNeeded(NeuronMapProbe.Result m) {
        StringBuilder key = new StringBuilder();
        if (m != null) for (NeuronMapProbe.LayerMaps l : m.layers()) key.append(l.nodeId()).append(':').append(l.name()).append(':').append(l.units()).append(';');
        if (key.toString().equals(structure)) return;
        structure = key.toString();
        tiles.clear();
        layers.getChildren().clear();
        close();
        if (m == null) return;
        for (int li = 0; li < m.layers().size(); li++) {
            NeuronMapProbe.LayerMaps l = m.layers().get(li);
            Label name = new Label(DecisionView.TEXT.get("neurons.layer", l.name(), l.units()));
            name.getStyleClass().add("inside-caption");
            TilePane pane = new TilePane(3, 3);
            pane.setPrefTileWidth(TILE);
            pane.setPrefTileHeight(TILE);
            pane.getStyleClass().add("neuron-tiles");
            for (int u = 0; u < l.units(); u++) {
                Tile t = new Tile(li, u, l.name());
                tiles.add(t);
                pane.getChildren().add(t.canvas);
            }
            layers.getChildren().addAll(name, pane);
        }
    }

    /** Enlarges neuron {@code unit} of the {@code layer}-th mapped layer, as a click on its map does. */
    public void enlarge(int layer, int unit) {
        tiles.stream().filter(t -> t.layer == layer && t.unit == unit).findFirst().ifPresent(t -> { if (t != open) toggle(t); });
    }

    private void toggle(Tile t) {
        if (t == null || t == open) { close(); return; }
        open = t;
        enlargedCaption.setText(DecisionView.TEXT.get("neurons.enlarged", t.layerName, t.unit + 1));
        enlargedBox.setVisible(true);
        for (Tile other : tiles) other.canvas.getStyleClass().remove("neuron-map-open");
        t.canvas.getStyleClass().add("neuron-map-open");
        draw(t, enlarged, shown);
    }

    private void close() {
        if (open != null) open.canvas.getStyleClass().remove("neuron-map-open");
        open = null;
        enlargedBox.setVisible(false);
    }

    /** One neuron's map on a canvas, scaled to its own largest |activation| so a quiet neuron still shows its shape. */
    private void draw(Tile t, Canvas target, NeuronMapProbe.Result m) {
        GraphicsContext g = target.getGraphicsContext2D();
        g.clearRect(0, 0, target.getWidth(), target.getHeight());
        if (m == null || t.layer >= m.layers().size()) return;
        NeuronMapProbe.LayerMaps l = m.layers().get(t.layer);
        if (t.unit >= l.units()) return;
        PlaneGrid grid = m.grid();
        int n = grid.resolution(), cells = n * n;
        float max = 1e-6f;
        for (int i = 0; i < cells; i++) max = Math.max(max, Math.abs(l.values()[i * l.units() + t.unit]));
        int[] px = new int[cells];
        for (int i = 0; i < cells; i++) px[i] = PlaneColors.diverging(l.values()[i * l.units() + t.unit] / max, false);
        WritableImage img = PlaneColors.image(px, n, target == enlarged ? null : t.image);
        if (target != enlarged) t.image = img;
        g.setImageSmoothing(true);
        g.drawImage(img, 0, 0, target.getWidth(), target.getHeight());
        g.setStroke(Color.web("#9CA3AF"));
        g.setLineWidth(1);
        g.strokeRect(0.5, 0.5, target.getWidth() - 1, target.getHeight() - 1);
    }
}
