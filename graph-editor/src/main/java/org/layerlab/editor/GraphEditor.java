package org.layerlab.editor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.Scene;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.graph.Edge;
import org.layerlab.compute.graph.GraphAnalysis;
import org.layerlab.compute.graph.GraphException;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.Node;
import org.layerlab.compute.graph.ShapeInference;
import org.layerlab.compute.layers.LayerType;
import org.layerlab.compute.text.Messages;
import org.layerlab.editor.command.ChainEdits;
import org.layerlab.editor.command.Command;
import org.layerlab.editor.command.CommandStack;
import org.layerlab.editor.command.CompoundCommand;
import org.layerlab.editor.command.DocumentEdit;
import org.layerlab.editor.command.GraphCommands;
import org.layerlab.editor.command.GraphCommands.RefusedException;
import org.layerlab.editor.command.ReplaceGraph;
import org.layerlab.editor.model.AutoLayout;
import org.layerlab.editor.model.Box;
import org.layerlab.editor.model.GraphFragment;
import org.layerlab.editor.model.NetworkComparison;
import org.layerlab.editor.model.Orientation;
import org.layerlab.editor.model.Point;

/**
 * The network editor: the graph document, its shape analysis (recomputed on every edit), the selection, the
 * undo history and the clipboard, and the views over them. Every edit goes through {@link #execute} as a command.
 */
public final class GraphEditor {
    private static final Messages CANVAS_TEXT = Messages.of("org.layerlab.editor.i18n.canvas", GraphEditor.class);
    private final ObjectProperty<ModelGraph> graph = new SimpleObjectProperty<>(this, "graph", ModelGraph.empty());
    private final ReadOnlyObjectWrapper<GraphAnalysis> analysis = new ReadOnlyObjectWrapper<>(this, "analysis");
    private final ObjectProperty<String> selectedNode = new SimpleObjectProperty<>(this, "selectedNode");
    private final ObservableSet<String> selection = FXCollections.observableSet(new LinkedHashSet<>());
    private final ObservableSet<Edge> selectedEdges = FXCollections.observableSet(new LinkedHashSet<>());
    private final ObjectProperty<ModelGraph> trainingSnapshot = new SimpleObjectProperty<>(this, "trainingSnapshot");
    private final BooleanBinding differsFromTraining;
    private final BooleanProperty snapToGrid = new SimpleBooleanProperty(this, "snapToGrid", true);
    private final ReadOnlyStringWrapper undoLabel = new ReadOnlyStringWrapper(this, "undoLabel");
    private final ReadOnlyStringWrapper redoLabel = new ReadOnlyStringWrapper(this, "redoLabel");
    private final ReadOnlyBooleanWrapper hasSelection = new ReadOnlyBooleanWrapper(this, "hasSelection");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final CommandStack history;
    private final javafx.collections.ObservableMap<String, CardIssue> cardIssues = FXCollections.observableHashMap();
    private GraphFragment clipboard;
    private BiFunction<LayerType, Params, Params> newLayerParams = (type, defaults) -> defaults;
    private int pasteCount;
    private boolean syncingSelection;
    private long lastInferenceNanos;

    private final GraphCanvas canvas;
    private final PaletteView palette;
    private final PropertiesView properties;
    private final ModelSummaryView summary;
    private final EditorActions actions;
    private SplitPane inspector;

    public GraphEditor() { this(new NodeSkinFactory()); }

    public GraphEditor(NodeSkinFactory skins) {
        analyse(graph.get());
        history = new CommandStack(graph::get, graph::set, 500);
        history.addListener(() -> {
            undoLabel.set(history.undoLabel());
            redoLabel.set(history.redoLabel());
        });
        graph.addListener((obs, old, g) -> {
            analyse(g);
            selection.removeIf(id -> g.find(id).isEmpty());
            Set<Edge> edges = Set.copyOf(g.edges());
            selectedEdges.removeIf(e -> !edges.contains(e));
        });
        selection.addListener((SetChangeListener<String>) c -> {
            hasSelection.set(!selection.isEmpty() || !selectedEdges.isEmpty());
            if (syncingSelection) return;
            syncingSelection = true;
            if (selection.size() == 1) selectedNode.set(selection.iterator().next());
            else if (selection.isEmpty() || !selection.contains(selectedNode.get())) selectedNode.set(null);
            syncingSelection = false;
        });
        selectedEdges.addListener((SetChangeListener<Edge>) c -> hasSelection.set(!selection.isEmpty() || !selectedEdges.isEmpty()));
        selectedNode.addListener((obs, old, id) -> {
            if (syncingSelection) return;
            syncingSelection = true;
            if (id == null) selection.clear();
            else if (!(selection.size() == 1 && selection.contains(id))) {
                selection.clear();
                selection.add(id);
            }
            syncingSelection = false;
        });
        differsFromTraining = Bindings.createBooleanBinding(
                () -> trainingSnapshot.get() != null && !NetworkComparison.sameNetwork(trainingSnapshot.get(), graph.get()), trainingSnapshot, graph);
        canvas = new GraphCanvas(this, skins);
        palette = new PaletteView(this);
        properties = new PropertiesView(this);
        summary = new ModelSummaryView(this);
        actions = new EditorActions(this);
        canvas.setToolbar(actions.canvasToolBar());
        var contextMenu = actions.canvasMenu();
        canvas.setOnContextMenuRequested(e -> {
            contextMenu.show(canvas, e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    private void analyse(ModelGraph g) {
        long t = System.nanoTime();
        GraphAnalysis a = ShapeInference.analyze(g);
        lastInferenceNanos = System.nanoTime() - t;
        analysis.set(a);
    }

    // ---------------------------------------------------------------- document

    public ObjectProperty<ModelGraph> graphProperty() { return graph; }
    public ModelGraph getGraph() { return graph.get(); }

    /** Opens another document: the view fits it, and the undo history starts afresh. */
    public void setGraph(ModelGraph g) {
        selection.clear();
        selectedEdges.clear();
        canvas.orientationProperty().set(Orientation.guess(g));
        graph.set(g);
        history.clear();
        canvas.fitWhenShown();
    }

    /** Replaces the document with a version edited elsewhere, as one undoable step. */
    public void apply(ModelGraph edited) {
        if (!edited.equals(graph.get())) execute(new ReplaceGraph(EditorText.TEXT.get("editGraph"), graph.get(), edited));
    }

    /** Runs an edit as one undoable step; a refused edit changes nothing and its reason becomes {@link #messageProperty}. */
    public boolean execute(Command c) {
        try {
            history.execute(c);
            message.set("");
            return true;
        } catch (GraphException e) {
            refuse(e.getMessage());
            return false;
        }
    }

    /**
     * Makes a change of document state outside the graph (training settings, data set) as one undoable step in the
     * same history as graph edits; the edit's owner marks the project unsaved when its state changes.
     */
    public void execute(DocumentEdit e) {
        history.execute(e);
        message.set("");
    }

    void refuse(String why) { message.set(why); }

    /**
     * What a layer added from the palette starts with: the type's defaults, adjusted by {@code adjust} (the
     * application makes a new Output head's units follow the data set's classes). FX thread.
     */
    public void setNewLayerParams(BiFunction<LayerType, Params, Params> adjust) {
        newLayerParams = java.util.Objects.requireNonNull(adjust);
    }

    /** The settings a new layer of {@code type} from the palette starts with. */
    public Params newLayerParams(LayerType type) {
        return newLayerParams.apply(type, type.defaultParams());
    }

    /** The last reason an edit was refused, or "". */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<GraphAnalysis> analysisProperty() { return analysis.getReadOnlyProperty(); }
    public GraphAnalysis analysis() { return analysis.get(); }

    /** How long shape inference took on the latest edit. */
    public long lastInferenceNanos() { return lastInferenceNanos; }

    // ---------------------------------------------------------------- history

    public void undo() { history.undo(); }
    public void redo() { history.redo(); }
    public CommandStack history() { return history; }
    /** The label of the step Undo would take back ("Move Dense 2"), or null. */
    public ReadOnlyStringProperty undoLabelProperty() { return undoLabel.getReadOnlyProperty(); }
    public ReadOnlyStringProperty redoLabelProperty() { return redoLabel.getReadOnlyProperty(); }

    // ---------------------------------------------------------------- selection

    /** The layer whose properties are shown: the only selected layer, or null. Setting it selects just that layer. */
    public ObjectProperty<String> selectedNodeProperty() { return selectedNode; }
    /** Selected layer ids, in the order they were selected. */
    public ObservableSet<String> selection() { return selection; }
    public ObservableSet<Edge> selectedEdges() { return selectedEdges; }
    public ReadOnlyBooleanProperty hasSelectionProperty() { return hasSelection.getReadOnlyProperty(); }

    public void selectOnly(String id) {
        selectedEdges.clear();
        selection.retainAll(Set.of(id));
        selection.add(id);
    }

    public void clearSelection() {
        selection.clear();
        selectedEdges.clear();
    }

    public void selectAll() {
        for (Node n : getGraph().nodes()) selection.add(n.id());
    }

    /** Moves the selection to the next layer in data-flow order (Tab), so every layer is reachable by keyboard. */
    boolean selectNext(int direction) {
        List<Node> order;
        try { order = getGraph().topologicalOrder(); } catch (GraphException e) { order = getGraph().nodes(); }
        int at = -1;
        for (int i = 0; i < order.size(); i++) if (order.get(i).id().equals(selectedNode.get())) at = i;
        int next = at < 0 ? (direction > 0 ? 0 : order.size() - 1) : at + direction;
        // Past the last layer, Tab leaves the canvas like in any other control, so the canvas is no focus trap.
        if (next < 0 || next >= order.size()) return false;
        selectOnly(order.get(next).id());
        return true;
    }

    private static double snap(double v) { return Math.round(v / GraphCanvas.GRID) * GraphCanvas.GRID; }

    public BooleanProperty snapToGridProperty() { return snapToGrid; }
    public boolean isSnapToGrid() { return snapToGrid.get(); }

    // ---------------------------------------------------------------- edit commands

    /**
     * Deletes the selected layers with their wires, and the selected wires, in one step. Layers taken from the middle
     * of a chain leave no gap: their neighbours are joined in the same step, and the canvas offers to leave them
     * unjoined instead (as node editors such as Nuke and Houdini reconnect on delete).
     */
    public void deleteSelection() {
        if (selection.isEmpty() && selectedEdges.isEmpty()) return;
        if (!selectedEdges.isEmpty()) { deleteSelectionWithoutJoining(); return; }
        ModelGraph before = getGraph();
        List<String> ids = List.copyOf(selection);
        ChainEdits.Deletion d = ChainEdits.deleteJoining(before, ids);
        if (!execute(d.command()) || d.joins().isEmpty()) return;
        ModelGraph joined = getGraph();
        Edge first = d.joins().get(0);
        String text = d.joins().size() == 1
                ? CANVAS_TEXT.get("joined.notice", joined.node(first.from()).name(), joined.node(first.to()).name())
                : CANVAS_TEXT.get("joinedMany.notice", d.joins().size());
        canvas.offer(text, CANVAS_TEXT.get("joined.keepApart"), CANVAS_TEXT.get("joined.keepApartTip"), () -> {
            // Only while nothing else changed since: then the join is the last step, and undoing it is safe.
            if (!getGraph().equals(joined)) return;
            undo();
            execute(GraphCommands.delete(getGraph(), ids, List.of()));
        });
    }

    /** Deletes the selected layers with their wires, and the selected wires, in one step; neighbours stay apart. */
    public void deleteSelectionWithoutJoining() {
        if (selection.isEmpty() && selectedEdges.isEmpty()) return;
        execute(GraphCommands.delete(getGraph(), List.copyOf(selection), List.copyOf(selectedEdges)));
    }

    public void copy() {
        if (selection.isEmpty()) return;
        clipboard = GraphFragment.copy(getGraph(), Set.copyOf(selection));
        pasteCount = 0;
    }

    public void cut() {
        if (selection.isEmpty()) return;
        copy();
        execute(GraphCommands.cut(getGraph(), List.copyOf(selection)));
    }

    public boolean canPaste() { return clipboard != null && !clipboard.isEmpty(); }

    /** Pastes the clipboard with fresh ids and names and its inner wires, offset so copies do not hide the originals. */
    public void paste() {
        if (!canPaste()) return;
        pasteCount++;
        place("Paste", clipboard, 2 * GraphCanvas.GRID * pasteCount);
    }

    public void duplicate() {
        if (selection.isEmpty()) return;
        place("Duplicate", GraphFragment.copy(getGraph(), Set.copyOf(selection)), 2 * GraphCanvas.GRID);
    }

    private void place(String verb, GraphFragment fragment, double offset) {
        GraphFragment placed = fragment.renamedFor(getGraph(), offset, offset);
        if (execute(GraphCommands.paste(verb, fragment, placed))) {
            selectedEdges.clear();
            selection.clear();
            selection.addAll(placed.ids());
        }
    }

    /** Wires the selected layers one to the next, in the order they were selected (a keyboard way to connect). */
    public void connectSelected() {
        try {
            execute(GraphCommands.connectInOrder(getGraph(), new ArrayList<>(selection)));
        } catch (RefusedException e) {
            refuse(e.getMessage());
            canvas.flash(e.getMessage(), canvas.getWidth() / 2 - 120, 40);
        }
    }

    /** Removes the wires between selected layers. */
    public void disconnectSelected() {
        List<Edge> between = getGraph().edges().stream().filter(e -> selection.contains(e.from()) && selection.contains(e.to())).toList();
        List<Edge> edges = new ArrayList<>(between);
        edges.addAll(selectedEdges);
        if (!edges.isEmpty()) execute(GraphCommands.delete(getGraph(), List.of(), edges));
    }

    /** Lays the whole graph out in layers (one undo step), then fits it to the window. */
    public void autoLayout(Orientation o) {
        Map<String, Box> boxes = canvas.boxes();
        canvas.orientationProperty().set(o);
        AutoLayout layout = new AutoLayout(o, id -> NodeCard.WIDTH, id -> boxes.containsKey(id) ? boxes.get(id).height() : 80);
        Map<String, Point> to = new LinkedHashMap<>();
        try {
            // Gaps between boxes are wider than a grid step, so snapping the corners cannot make boxes overlap.
            layout.layout(getGraph()).forEach((id, p) -> to.put(id, isSnapToGrid() ? new Point(snap(p.x()), snap(p.y())) : p));
        } catch (GraphException e) {
            refuse(e.getMessage());
            return;
        }
        var move = GraphCommands.move(getGraph(), new LinkedHashMap<>(to), false);
        if (move != null) execute(new CompoundCommand(EditorText.TEXT.get("autoLayout", o.displayName()), List.of(move)));
        canvas.fitWhenShown();
    }

    // ---------------------------------------------------------------- training

    /**
     * The graph a running training uses (null when none). While the document differs from it in a way that matters
     * for training (layers, settings, wires — not positions or names), the canvas says so.
     */
    public ObjectProperty<ModelGraph> trainingSnapshotProperty() { return trainingSnapshot; }

    /**
     * Problems the application found for layers by id (the run's checks against the data), shown on their cards
     * with their fix; the application keeps this map up to date as the graph, the settings and the data change.
     */
    public javafx.collections.ObservableMap<String, CardIssue> cardIssues() { return cardIssues; }
    public BooleanBinding canvasDiffersFromTraining() { return differsFromTraining; }

    // ---------------------------------------------------------------- export

    public CompletableFuture<Void> exportPng(Path file) { return GraphExport.png(this, file); }
    public CompletableFuture<Void> exportSvg(Path file) { return GraphExport.svg(this, file); }

    // ---------------------------------------------------------------- views

    public PaletteView palette() { return palette; }
    public GraphCanvas canvas() { return canvas; }
    public PropertiesView properties() { return properties; }
    public ModelSummaryView summary() { return summary; }
    public EditorActions actions() { return actions; }

    /** The side panel: properties of the selection above, the live model summary below. */
    public SplitPane inspector() {
        if (inspector == null) {
            Label heading = new Label(EditorText.TEXT.get("summary.heading"));
            heading.getStyleClass().add("panel-title");
            VBox sum = new VBox(4, heading, summary);
            sum.setPadding(new Insets(8));
            sum.getStylesheets().add(EditorSheets.CANVAS);
            VBox.setVgrow(summary, Priority.ALWAYS);
            inspector = new SplitPane(properties, sum);
            inspector.setOrientation(javafx.geometry.Orientation.VERTICAL);
            inspector.setDividerPositions(0.55);
            inspector.setPrefWidth(340);
            inspector.setId("inspector");
        }
        return inspector;
    }
    public Menu editMenu() { return actions.editMenu(); }
    public Menu viewMenu() { return actions.viewMenu(); }

    /** For a scene without the app's menus (tests, embedding): installs the editor's keyboard shortcuts. */
    public void installShortcuts(Scene scene) { actions.installAccelerators(scene); }
}
