package org.layerlab.editor;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import org.layerlab.editor.model.Orientation;

/**
 * The editor's commands as the user reaches them: Edit and View menus with their shortcuts, and the canvas's own
 * small toolbar (zoom, layout, export). Graph shortcuts leave text fields alone, so Delete in a field edits text.
 */
public final class EditorActions {
    private static final org.layerlab.compute.text.Messages CANVAS_TEXT =
            org.layerlab.compute.text.Messages.of("org.layerlab.editor.i18n.canvas", EditorActions.class);
    private final GraphEditor editor;
    /** Shortcuts that have no menu item of their own (a second key for the same command). */
    private final Map<KeyCombination, Runnable> extraKeys = new LinkedHashMap<>();
    private final List<MenuItem> allItems = new ArrayList<>();

    EditorActions(GraphEditor editor) {
        this.editor = editor;
        extraKeys.put(KeyCombination.keyCombination("Shortcut+Shift+Z"), guarded(editor::redo));
        extraKeys.put(KeyCombination.keyCombination("Backspace"), guarded(editor::deleteSelection));
        extraKeys.put(KeyCombination.keyCombination("Shortcut+Equals"), editor.canvas()::zoomIn);
        // Wherever the canvas is shown, its second keys work too (the menu items register their own).
        editor.canvas().sceneProperty().addListener((o, old, scene) -> {
            if (old != null) extraKeys.keySet().forEach(k -> old.getAccelerators().remove(k));
            if (scene != null) scene.getAccelerators().putAll(extraKeys);
        });
    }

    /** Runs a graph command unless the user is typing in a text field (where the same keys edit text). */
    private Runnable guarded(Runnable r) {
        return () -> {
            Scene s = editor.canvas().getScene();
            if (s != null && s.getFocusOwner() instanceof TextInputControl) return;
            r.run();
        };
    }

    private MenuItem item(String id, String text, String accel, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setId(id);
        if (accel != null) m.setAccelerator(KeyCombination.keyCombination(accel));
        m.setOnAction(e -> action.run());
        allItems.add(m);
        return m;
    }

    private static ObservableStringValue labelled(String verb, javafx.beans.value.ObservableValue<String> label) {
        return Bindings.createStringBinding(() -> label.getValue() == null ? verb : verb + " " + label.getValue(), label);
    }

    /** Undo/redo with the step's name, clipboard, delete, selection, wiring and auto-layout. */
    public Menu editMenu() {
        MenuItem undo = item("menu-undo", "Undo", "Shortcut+Z", guarded(editor::undo));
        undo.textProperty().bind(labelled("Undo", editor.undoLabelProperty()));
        undo.disableProperty().bind(editor.undoLabelProperty().isNull());
        MenuItem redo = item("menu-redo", "Redo", "Shortcut+Y", guarded(editor::redo));
        redo.textProperty().bind(labelled("Redo", editor.redoLabelProperty()));
        redo.disableProperty().bind(editor.redoLabelProperty().isNull());
        ObservableBooleanValue none = editor.hasSelectionProperty().not();
        MenuItem cut = item("menu-cut", "Cut", "Shortcut+X", guarded(editor::cut));
        MenuItem copy = item("menu-copy", "Copy", "Shortcut+C", guarded(editor::copy));
        MenuItem paste = item("menu-paste", "Paste", "Shortcut+V", guarded(editor::paste));
        MenuItem duplicate = item("menu-duplicate", "Duplicate", "Shortcut+D", guarded(editor::duplicate));
        MenuItem delete = item("menu-delete", "Delete", "Delete", guarded(editor::deleteSelection));
        MenuItem deleteApart = item("menu-delete-apart", CANVAS_TEXT.get("menu.deleteWithoutJoining"), "Shift+Delete", guarded(editor::deleteSelectionWithoutJoining));
        MenuItem all = item("menu-select-all", "Select All", "Shortcut+A", guarded(editor::selectAll));
        MenuItem connect = item("menu-connect", "Connect Selected Layers", "Shortcut+E", guarded(editor::connectSelected));
        MenuItem disconnect = item("menu-disconnect", "Disconnect Selected Layers", "Shortcut+Shift+E", guarded(editor::disconnectSelected));
        MenuItem layoutLr = item("menu-layout-lr", "Auto Layout Left to Right", "Shortcut+L", guarded(() -> editor.autoLayout(Orientation.LEFT_RIGHT)));
        MenuItem layoutTd = item("menu-layout-td", "Auto Layout Top Down", "Shortcut+Shift+L", guarded(() -> editor.autoLayout(Orientation.TOP_DOWN)));
        for (MenuItem m : List.of(cut, copy, duplicate, delete, connect, disconnect)) m.disableProperty().bind(Bindings.createBooleanBinding(none::get, none));
        delete.disableProperty().unbind();
        delete.disableProperty().bind(editor.hasSelectionProperty().not());
        deleteApart.disableProperty().bind(editor.hasSelectionProperty().not());
        Menu menu = new Menu("Edit", null, undo, redo, new SeparatorMenuItem(), cut, copy, paste, duplicate, delete, deleteApart, new SeparatorMenuItem(),
                all, connect, disconnect, new SeparatorMenuItem(), layoutLr, layoutTd);
        menu.setId("menu-edit");
        menu.setOnShowing(e -> paste.setDisable(!editor.canPaste()));
        return menu;
    }

    /** Zoom, grid snapping and image export. */
    public Menu viewMenu() {
        GraphCanvas c = editor.canvas();
        MenuItem in = item("menu-zoom-in", "Zoom In", "Shortcut+Plus", c::zoomIn);
        MenuItem out = item("menu-zoom-out", "Zoom Out", "Shortcut+Minus", c::zoomOut);
        MenuItem fit = item("menu-zoom-fit", "Fit to Window", "Shortcut+0", c::fitToWindow);
        MenuItem actual = item("menu-zoom-100", "Actual Size (100 %)", "Shortcut+1", c::actualSize);
        CheckMenuItem snap = new CheckMenuItem("Snap to Grid");
        snap.setId("menu-snap");
        snap.selectedProperty().bindBidirectional(editor.snapToGridProperty());
        MenuItem png = item("menu-export-png", "Export Graph as PNG…", null, () -> export("PNG image", "*.png", editor::exportPng));
        MenuItem svg = item("menu-export-svg", "Export Graph as SVG…", null, () -> export("SVG drawing", "*.svg", editor::exportSvg));
        Menu menu = new Menu("View", null, in, out, fit, actual, new SeparatorMenuItem(), snap, new SeparatorMenuItem(), png, svg);
        menu.setId("menu-view");
        return menu;
    }

    /** A right-click shortcut to the same commands (each is also in the menus and on the keyboard). */
    javafx.scene.control.ContextMenu canvasMenu() {
        MenuItem cut = plain("Cut", editor::cut), copy = plain("Copy", editor::copy), paste = plain("Paste", editor::paste);
        MenuItem duplicate = plain("Duplicate", editor::duplicate), delete = plain("Delete", editor::deleteSelection);
        MenuItem deleteApart = plain(CANVAS_TEXT.get("menu.deleteWithoutJoining"), editor::deleteSelectionWithoutJoining);
        MenuItem connect = plain("Connect Selected Layers", editor::connectSelected), all = plain("Select All", editor::selectAll);
        MenuItem lr = plain("Auto Layout Left to Right", () -> editor.autoLayout(Orientation.LEFT_RIGHT));
        MenuItem td = plain("Auto Layout Top Down", () -> editor.autoLayout(Orientation.TOP_DOWN));
        MenuItem fit = plain("Fit to Window", editor.canvas()::fitToWindow);
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu(cut, copy, paste, duplicate, delete, deleteApart,
                new SeparatorMenuItem(), connect, all, new SeparatorMenuItem(), lr, td, fit);
        menu.setOnShowing(e -> {
            boolean none = editor.selection().isEmpty();
            cut.setDisable(none);
            copy.setDisable(none);
            duplicate.setDisable(none);
            connect.setDisable(editor.selection().size() < 2);
            delete.setDisable(none && editor.selectedEdges().isEmpty());
            deleteApart.setDisable(delete.isDisable());
            paste.setDisable(!editor.canPaste());
        });
        return menu;
    }

    private static MenuItem plain(String text, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setOnAction(e -> action.run());
        return m;
    }

    /** Puts every editor shortcut on a scene that has no menu bar from {@link #editMenu()} / {@link #viewMenu()}. */
    void installAccelerators(Scene scene) {
        if (allItems.isEmpty()) { editMenu(); viewMenu(); }
        for (MenuItem m : allItems) {
            if (m.getAccelerator() != null) scene.getAccelerators().put(m.getAccelerator(), () -> { if (!m.isDisable()) m.fire(); });
        }
        scene.getAccelerators().putAll(extraKeys);
    }

    /** The floating toolbar in the canvas's corner. */
    HBox canvasToolBar() {
        GraphCanvas c = editor.canvas();
        Button out = small("zoom-out", "−", "Zoom out (Ctrl+−)", c::zoomOut);
        Label level = new Label();
        level.setId("zoom-level");
        level.setMinWidth(46);
        level.setAlignment(Pos.CENTER);
        level.textProperty().bind(Bindings.createStringBinding(() -> Math.round(c.zoomProperty().get() * 100) + " %", c.zoomProperty()));
        Button in = small("zoom-in", "+", "Zoom in (Ctrl++ or Ctrl+wheel)", c::zoomIn);
        Button fit = small("zoom-fit", "Fit", "Show the whole graph (Ctrl+0)", c::fitToWindow);
        Button actual = small("zoom-100", "100 %", "Actual size (Ctrl+1)", c::actualSize);
        MenuButton layout = new MenuButton("Layout");
        layout.setId("layout-button");
        MenuItem lr = new MenuItem("Left to right");
        lr.setOnAction(e -> editor.autoLayout(Orientation.LEFT_RIGHT));
        MenuItem td = new MenuItem("Top down");
        td.setOnAction(e -> editor.autoLayout(Orientation.TOP_DOWN));
        layout.getItems().addAll(lr, td);
        layout.setTooltip(new Tooltip("Arrange the layers automatically (undoable)"));
        MenuButton export = new MenuButton("Export");
        export.setId("export-button");
        MenuItem png = new MenuItem("PNG image…");
        png.setOnAction(e -> export("PNG image", "*.png", editor::exportPng));
        MenuItem svg = new MenuItem("SVG drawing…");
        svg.setOnAction(e -> export("SVG drawing", "*.svg", editor::exportSvg));
        export.getItems().addAll(png, svg);
        HBox bar = new HBox(4, out, level, in, fit, actual, layout, export);
        bar.setId("canvas-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("canvas-toolbar");
        for (javafx.scene.Node n : bar.getChildren()) n.setFocusTraversable(false);
        return bar;
    }

    private static Button small(String id, String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.getStyleClass().add("canvas-toolbar-button");
        return b;
    }

    private interface Exporter { java.util.concurrent.CompletableFuture<Void> write(Path p); }

    private void export(String what, String pattern, Exporter exporter) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export the graph");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, pattern));
        fc.setInitialFileName("network" + pattern.substring(1));
        javafx.stage.Window owner = editor.canvas().getScene() == null ? null : editor.canvas().getScene().getWindow();
        File f = fc.showSaveDialog(owner);
        if (f == null) return;
        exporter.write(f.toPath()).whenComplete((v, err) -> javafx.application.Platform.runLater(() -> {
            if (err != null) editor.refuse("Export failed: " + (err.getCause() == null ? err : err.getCause()).getMessage());
        }));
    }
}
