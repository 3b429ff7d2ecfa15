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
    /** The Edit and View menus, the canvas's context menu and its floating toolbar. */
    private static final org.layerlab.compute.text.Messages MENU_TEXT =
            org.layerlab.compute.text.Messages.of("org.layerlab.editor.i18n.menus", EditorActions.class);
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

    /**
     * "Undo Add Dense 1", produced again when the step changes and when the language does: {@code item} carries a
     * {@link PaletteView#RELABEL} action the language switch runs, and the step's name is retranslated from its bundle.
     */
    private static ObservableStringValue labelled(MenuItem item, String verbKey, javafx.beans.value.ObservableValue<String> label) {
        javafx.beans.property.IntegerProperty language = new javafx.beans.property.SimpleIntegerProperty();
        item.getProperties().put(PaletteView.RELABEL, (Runnable) () -> language.set(language.get() + 1));
        return Bindings.createStringBinding(() -> {
            String verb = MENU_TEXT.get(verbKey), step = label.getValue();
            if (step == null) return verb;
            String again = org.layerlab.compute.text.Messages.retranslate(step);
            return MENU_TEXT.get("menu.withStep", verb, again != null ? again : step);
        }, label, language);
    }

    /** Undo/redo with the step's name, clipboard, delete, selection, wiring and auto-layout. */
    public Menu editMenu() {
        MenuItem undo = item("menu-undo", MENU_TEXT.get("menu.undo"), "Shortcut+Z", guarded(editor::undo));
        undo.textProperty().bind(labelled(undo, "menu.undo", editor.undoLabelProperty()));
        undo.disableProperty().bind(editor.undoLabelProperty().isNull());
        MenuItem redo = item("menu-redo", MENU_TEXT.get("menu.redo"), "Shortcut+Y", guarded(editor::redo));
        redo.textProperty().bind(labelled(redo, "menu.redo", editor.redoLabelProperty()));
        redo.disableProperty().bind(editor.redoLabelProperty().isNull());
        ObservableBooleanValue none = editor.hasSelectionProperty().not();
        MenuItem cut = item("menu-cut", MENU_TEXT.get("menu.cut"), "Shortcut+X", guarded(editor::cut));
        MenuItem copy = item("menu-copy", MENU_TEXT.get("menu.copy"), "Shortcut+C", guarded(editor::copy));
        MenuItem paste = item("menu-paste", MENU_TEXT.get("menu.paste"), "Shortcut+V", guarded(editor::paste));
        MenuItem duplicate = item("menu-duplicate", MENU_TEXT.get("menu.duplicate"), "Shortcut+D", guarded(editor::duplicate));
        MenuItem delete = item("menu-delete", MENU_TEXT.get("menu.delete"), "Delete", guarded(editor::deleteSelection));
        MenuItem deleteApart = item("menu-delete-apart", CANVAS_TEXT.get("menu.deleteWithoutJoining"), "Shift+Delete", guarded(editor::deleteSelectionWithoutJoining));
        MenuItem all = item("menu-select-all", MENU_TEXT.get("menu.selectAll"), "Shortcut+A", guarded(editor::selectAll));
        MenuItem connect = item("menu-connect", MENU_TEXT.get("menu.connect"), "Shortcut+E", guarded(editor::connectSelected));
        MenuItem disconnect = item("menu-disconnect", MENU_TEXT.get("menu.disconnect"), "Shortcut+Shift+E", guarded(editor::disconnectSelected));
        MenuItem layoutLr = item("menu-layout-lr", MENU_TEXT.get("menu.layoutLr"), "Shortcut+L", guarded(() -> editor.autoLayout(Orientation.LEFT_RIGHT)));
        MenuItem layoutTd = item("menu-layout-td", MENU_TEXT.get("menu.layoutTd"), "Shortcut+Shift+L", guarded(() -> editor.autoLayout(Orientation.TOP_DOWN)));
        for (MenuItem m : List.of(cut, copy, duplicate, delete, connect, disconnect)) m.disableProperty().bind(Bindings.createBooleanBinding(none::get, none));
        delete.disableProperty().unbind();
        delete.disableProperty().bind(editor.hasSelectionProperty().not());
        deleteApart.disableProperty().bind(editor.hasSelectionProperty().not());
        Menu menu = new Menu(MENU_TEXT.get("menu.edit"), null, undo, redo, new SeparatorMenuItem(), cut, copy, paste, duplicate, delete, deleteApart, new SeparatorMenuItem(),
                all, connect, disconnect, new SeparatorMenuItem(), layoutLr, layoutTd);
        menu.setId("menu-edit");
        menu.setOnShowing(e -> paste.setDisable(!editor.canPaste()));
        return menu;
    }

    /** Zoom, grid snapping and image export. */
    public Menu viewMenu() {
        GraphCanvas c = editor.canvas();
        MenuItem in = item("menu-zoom-in", MENU_TEXT.get("menu.zoomIn"), "Shortcut+Plus", c::zoomIn);
        MenuItem out = item("menu-zoom-out", MENU_TEXT.get("menu.zoomOut"), "Shortcut+Minus", c::zoomOut);
        MenuItem fit = item("menu-zoom-fit", MENU_TEXT.get("menu.fit"), "Shortcut+0", c::fitToWindow);
        MenuItem actual = item("menu-zoom-100", MENU_TEXT.get("menu.actual"), "Shortcut+1", c::actualSize);
        CheckMenuItem snap = new CheckMenuItem(MENU_TEXT.get("menu.snap"));
        snap.setId("menu-snap");
        snap.selectedProperty().bindBidirectional(editor.snapToGridProperty());
        MenuItem png = item("menu-export-png", MENU_TEXT.get("menu.exportPng"), null, () -> export(MENU_TEXT.get("export.pngFiles"), "*.png", editor::exportPng));
        MenuItem svg = item("menu-export-svg", MENU_TEXT.get("menu.exportSvg"), null, () -> export(MENU_TEXT.get("export.svgFiles"), "*.svg", editor::exportSvg));
        Menu menu = new Menu(MENU_TEXT.get("menu.view"), null, in, out, fit, actual, new SeparatorMenuItem(), snap, new SeparatorMenuItem(), png, svg);
        menu.setId("menu-view");
        return menu;
    }

    /** A right-click shortcut to the same commands (each is also in the menus and on the keyboard). */
    javafx.scene.control.ContextMenu canvasMenu() {
        MenuItem cut = plain(MENU_TEXT.get("menu.cut"), editor::cut), copy = plain(MENU_TEXT.get("menu.copy"), editor::copy), paste = plain(MENU_TEXT.get("menu.paste"), editor::paste);
        MenuItem duplicate = plain(MENU_TEXT.get("menu.duplicate"), editor::duplicate), delete = plain(MENU_TEXT.get("menu.delete"), editor::deleteSelection);
        MenuItem deleteApart = plain(CANVAS_TEXT.get("menu.deleteWithoutJoining"), editor::deleteSelectionWithoutJoining);
        MenuItem connect = plain(MENU_TEXT.get("menu.connect"), editor::connectSelected), all = plain(MENU_TEXT.get("menu.selectAll"), editor::selectAll);
        MenuItem lr = plain(MENU_TEXT.get("menu.layoutLr"), () -> editor.autoLayout(Orientation.LEFT_RIGHT));
        MenuItem td = plain(MENU_TEXT.get("menu.layoutTd"), () -> editor.autoLayout(Orientation.TOP_DOWN));
        MenuItem fit = plain(MENU_TEXT.get("menu.fit"), editor.canvas()::fitToWindow);
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
        Button out = small("zoom-out", "−", MENU_TEXT.get("toolbar.zoomOutTip"), c::zoomOut);
        Label level = new Label();
        level.setId("zoom-level");
        level.setMinWidth(46);
        level.setAlignment(Pos.CENTER);
        level.textProperty().bind(Bindings.createStringBinding(() -> Math.round(c.zoomProperty().get() * 100) + " %", c.zoomProperty()));
        Button in = small("zoom-in", "+", MENU_TEXT.get("toolbar.zoomInTip"), c::zoomIn);
        Button fit = small("zoom-fit", MENU_TEXT.get("toolbar.fit"), MENU_TEXT.get("toolbar.fitTip"), c::fitToWindow);
        Button actual = small("zoom-100", "100 %", MENU_TEXT.get("toolbar.actualTip"), c::actualSize);
        MenuButton layout = new MenuButton(MENU_TEXT.get("toolbar.layout"));
        layout.setId("layout-button");
        MenuItem lr = new MenuItem(MENU_TEXT.get("toolbar.leftToRight"));
        lr.setOnAction(e -> editor.autoLayout(Orientation.LEFT_RIGHT));
        MenuItem td = new MenuItem(MENU_TEXT.get("toolbar.topDown"));
        td.setOnAction(e -> editor.autoLayout(Orientation.TOP_DOWN));
        layout.getItems().addAll(lr, td);
        layout.setTooltip(new Tooltip(MENU_TEXT.get("toolbar.layoutTip")));
        MenuButton export = new MenuButton(MENU_TEXT.get("toolbar.export"));
        export.setId("export-button");
        MenuItem png = new MenuItem(MENU_TEXT.get("toolbar.png"));
        png.setOnAction(e -> export(MENU_TEXT.get("export.pngFiles"), "*.png", editor::exportPng));
        MenuItem svg = new MenuItem(MENU_TEXT.get("toolbar.svg"));
        svg.setOnAction(e -> export(MENU_TEXT.get("export.svgFiles"), "*.svg", editor::exportSvg));
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
        fc.setTitle(MENU_TEXT.get("export.title"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, pattern));
        fc.setInitialFileName("network" + pattern.substring(1));
        javafx.stage.Window owner = editor.canvas().getScene() == null ? null : editor.canvas().getScene().getWindow();
        File f = fc.showSaveDialog(owner);
        if (f == null) return;
        exporter.write(f.toPath()).whenComplete((v, err) -> javafx.application.Platform.runLater(() -> {
            if (err != null) editor.refuse(MENU_TEXT.get("export.failed", (err.getCause() == null ? err : err.getCause()).getMessage()));
        }));
    }
}
