package org.layerlab.editor;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.layerlab.compute.graph.GraphAnalysis;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.ShapeInference;

/**
 * The editor's state shared by its views: the graph document, its shape analysis (recomputed on every edit)
 * and the selection. Views observe it; edits go through {@link #apply}.
 */
public final class GraphEditor {
    private final ObjectProperty<ModelGraph> graph = new SimpleObjectProperty<>(this, "graph", ModelGraph.empty());
    private final ReadOnlyObjectWrapper<GraphAnalysis> analysis = new ReadOnlyObjectWrapper<>(this, "analysis");
    private final ObjectProperty<String> selectedNode = new SimpleObjectProperty<>(this, "selectedNode");

    private final PaletteView palette;
    private final GraphCanvas canvas;
    private final PropertiesView properties;

    public GraphEditor() {
        analysis.set(ShapeInference.analyze(graph.get()));
        graph.addListener((obs, old, g) -> {
            analysis.set(ShapeInference.analyze(g));
            if (selectedNode.get() != null && g.find(selectedNode.get()).isEmpty()) selectedNode.set(null);
        });
        canvas = new GraphCanvas(this);
        palette = new PaletteView(this);
        properties = new PropertiesView(this);
    }

    public ObjectProperty<ModelGraph> graphProperty() { return graph; }
    public ModelGraph getGraph() { return graph.get(); }
    public void setGraph(ModelGraph g) { graph.set(g); }

    /** Replaces the document with an edited version. */
    public void apply(ModelGraph edited) { graph.set(edited); }

    public ReadOnlyObjectProperty<GraphAnalysis> analysisProperty() { return analysis.getReadOnlyProperty(); }
    public ObjectProperty<String> selectedNodeProperty() { return selectedNode; }

    public PaletteView palette() { return palette; }
    public GraphCanvas canvas() { return canvas; }
    public PropertiesView properties() { return properties; }
}
