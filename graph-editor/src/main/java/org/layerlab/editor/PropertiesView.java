package org.layerlab.editor;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.DefaultPropertyEditorFactory;
import org.controlsfx.property.editor.AbstractPropertyEditor;
import org.controlsfx.property.editor.PropertyEditor;
import org.layerlab.compute.catalog.InvalidParamException;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.catalog.ParamType;
import org.layerlab.compute.graph.Node;
import org.layerlab.compute.graph.NodeInfo;
import org.layerlab.compute.layers.LayerType;
import org.layerlab.editor.command.GraphCommands;
import org.layerlab.editor.command.GraphCommands.RefusedException;

/**
 * The property sheet of the selected layer, generated from the catalog's parameter declarations. Values are
 * checked by the catalog; a refused value is explained below the sheet and the field shows the kept value again.
 * Every accepted change is one undoable command. Number fields commit on Enter as well as on leaving the field.
 */
public final class PropertiesView extends VBox {
    private final GraphEditor editor;
    private final Label title = new Label(EditorText.TEXT.get("props.none"));
    private final Label description = new Label();
    private final Label error = new Label();
    private final Label message = new Label();
    private final PropertySheet sheet = new PropertySheet();
    private Node shown;
    private List<ParamSpec> shownSpecs = List.of();

    PropertiesView(GraphEditor editor) {
        this.editor = editor;
        setId("properties");
        setSpacing(6);
        setPadding(new Insets(8));
        setPrefWidth(300);
        title.setId("properties-title");
        getStylesheets().add(EditorSheets.CANVAS);
        title.getStyleClass().add("panel-title");
        title.setWrapText(true);
        description.setWrapText(true);
        // A short panel (presentation type, a small window) scrolls the sheet rather than cutting the explanation to "…".
        description.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        description.getStyleClass().add("panel-description");
        error.setWrapText(true);
        error.setId("properties-error");
        error.getStyleClass().add("properties-error");
        message.setWrapText(true);
        message.setId("properties-message");
        message.getStyleClass().add("properties-message");
        sheet.setId("property-sheet");
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setMode(PropertySheet.Mode.NAME);
        DefaultPropertyEditorFactory defaults = new DefaultPropertyEditorFactory();
        sheet.setPropertyEditorFactory(item -> {
            PropertyEditor<?> ed = item instanceof ParamItem p && p.spec.type() == ParamType.CHOICE
                    ? choiceEditor(item, p.spec) : defaults.call(item);
            commitOnEnter(item, ed);
            if (item instanceof SheetItem si) si.field = ed;
            return ed;
        });
        getChildren().addAll(title, description, sheet, message, error);
        editor.selectedNodeProperty().addListener((o, a, b) -> refresh(false));
        editor.selection().addListener((javafx.collections.SetChangeListener<String>) c -> refresh(false));
        editor.graphProperty().addListener((o, a, b) -> refresh(false));
        refresh(false);
        // A switch of language rebuilds the sheet, so every row's name and explanation is read again.
        getProperties().put(PaletteView.RELABEL, (Runnable) () -> { shown = null; refresh(false); });
    }

    /** A drop-down of the declared choices, shown by their labels ("Glorot uniform") while the value stays the id. */
    private static PropertyEditor<String> choiceEditor(PropertySheet.Item item, ParamSpec spec) {
        ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(spec.choices()));
        box.setMaxWidth(Double.MAX_VALUE);
        box.setConverter(new StringConverter<>() {
            @Override public String toString(String id) { return id == null ? "" : spec.choiceLabel(id); }
            @Override public String fromString(String label) {
                return spec.choices().stream().filter(c -> spec.choiceLabel(c).equals(label)).findFirst().orElse(label);
            }
        });
        return new AbstractPropertyEditor<>(item, box) {
            @Override protected ObservableValue<String> getObservableValue() { return getEditor().getSelectionModel().selectedItemProperty(); }
            @Override public void setValue(String value) { getEditor().getSelectionModel().select(value); }
        };
    }

    /** ControlsFX number and text editors commit only when focus leaves; Enter should commit too. */
    private static void commitOnEnter(PropertySheet.Item item, PropertyEditor<?> ed) {
        if (!(ed.getEditor() instanceof TextField field)) return;
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.ENTER) return;
            String text = field.getText();
            Object value = text;
            if (item.getType() == Integer.class) {
                try { value = Integer.valueOf(text.trim()); } catch (NumberFormatException x) { value = text; }
            } else if (item.getType() == Double.class) {
                try { value = Double.valueOf(text.trim()); } catch (NumberFormatException x) { value = text; }
            }
            item.setValue(value);
            e.consume();
        });
    }

    private Node selected() {
        String id = editor.selectedNodeProperty().get();
        return id == null ? null : editor.getGraph().find(id).orElse(null);
    }

    private void refresh(boolean keepMessage) {
        Node n = selected();
        NodeInfo info = n == null ? null : editor.analysis().info(n.id());
        error.setText(info != null && !info.valid() ? info.error() : "");
        boolean sameNode = n != null && shown != null && n.id().equals(shown.id()) && n.type().equals(shown.type()) && !sheet.getItems().isEmpty()
                && applicableSpecs(n).equals(shownSpecs);
        if (sameNode) {
            // Same layer, edited (here, by undo or elsewhere): update the fields in place, keeping focus and caret.
            if (!n.name().equals(shown.name()) || !n.params().equals(shown.params())) {
                for (PropertySheet.Item item : sheet.getItems()) ((SheetItem) item).reload();
                title.setText(EditorText.TEXT.get("props.title", n.name(), editor.getGraph().typeOf(n.id()).displayName()));
                if (!keepMessage) message.setText("");
            }
            shown = n;
            return;
        }
        message.setText("");
        shown = n;
        sheet.getItems().clear();
        if (n == null) {
            int count = editor.selection().size();
            title.setText(count > 1 ? EditorText.TEXT.get("props.many", count) : EditorText.TEXT.get("props.none"));
            description.setText(EditorText.TEXT.get(count > 1 ? "props.manyHint" : "props.noneHint"));
            return;
        }
        LayerType type = editor.getGraph().typeOf(n.id());
        title.setText(EditorText.TEXT.get("props.title", n.name(), type.displayName()));
        description.setText(type.description());
        sheet.getItems().add(new NameItem(n.id()));
        shownSpecs = applicableSpecs(n);
        for (ParamSpec spec : shownSpecs) sheet.getItems().add(new ParamItem(n.id(), spec));
    }

    /** The parameters that matter with the node's current values (Huber's δ only while the loss is Huber, …). */
    private static List<ParamSpec> applicableSpecs(Node n) {
        return n.params().specs().stream().filter(s -> n.params().applies(s.name())).toList();
    }

    /** Shows why a value was refused, then puts the kept value back into the field. */
    private void refuse(String why, SheetItem item) {
        message.setText(why);
        editor.refuse(why);
        Platform.runLater(item::revert);
    }

    /** A row of the sheet: its value is observable, so undo and other edits show in the field without a rebuild. */
    private abstract static class SheetItem implements PropertySheet.Item {
        final javafx.beans.property.ObjectProperty<Object> value = new javafx.beans.property.SimpleObjectProperty<>();
        PropertyEditor<?> field;

        abstract Object stored();

        void reload() { value.set(stored()); }

        /** Puts the stored value back into the editor after a refused entry. */
        @SuppressWarnings("unchecked")
        void revert() {
            if (field != null) ((PropertyEditor<Object>) field).setValue(stored());
            value.set(stored());
        }

        @Override public Object getValue() { return stored(); }
        @Override public Optional<ObservableValue<? extends Object>> getObservableValue() { return Optional.of(value); }
    }

    Label message() { return message; }

    /** The layer's display name. */
    private final class NameItem extends SheetItem {
        private final String nodeId;

        NameItem(String nodeId) {
            this.nodeId = nodeId;
            reload();
        }

        @Override public Class<?> getType() { return String.class; }
        @Override public String getCategory() { return EditorText.TEXT.get("props.layer"); }
        @Override public String getName() { return EditorText.TEXT.get("props.name"); }
        @Override public String getDescription() { return EditorText.TEXT.text("props.name.about"); }
        @Override Object stored() { return editor.getGraph().find(nodeId).map(Node::name).orElse(""); }

        @Override public void setValue(Object value) {
            if (editor.getGraph().find(nodeId).isEmpty() || Objects.equals(getValue(), value)) return;
            try {
                if (editor.execute(GraphCommands.rename(editor.getGraph(), nodeId, String.valueOf(value)))) message.setText("");
            } catch (RefusedException e) {
                refuse(e.getMessage(), this);
            }
        }
    }

    /** Adapts one declared parameter of one node to the PropertySheet. */
    private final class ParamItem extends SheetItem {
        private final String nodeId;
        private final ParamSpec spec;

        ParamItem(String nodeId, ParamSpec spec) {
            this.nodeId = nodeId;
            this.spec = spec;
            reload();
        }

        @Override public Class<?> getType() {
            return switch (spec.type()) {
                case INT -> Integer.class;
                case FLOAT -> Double.class;
                case BOOLEAN -> Boolean.class;
                case CHOICE, SHAPE, TEXT -> String.class;
            };
        }

        @Override public String getCategory() { return EditorText.TEXT.get("props.parameters"); }
        @Override public String getName() { return spec.label(); }

        @Override public String getDescription() {
            return switch (spec.type()) {
                case INT, FLOAT -> EditorText.TEXT.get("props.allowed", spec.description(), fmt(spec.min()), fmt(spec.max()));
                case SHAPE -> EditorText.TEXT.get("props.sizes", spec.description());
                case CHOICE -> EditorText.TEXT.get("props.oneOf", spec.description(),
                        String.join(EditorText.TEXT.get("props.listSeparator"), spec.choices().stream().map(spec::choiceLabel).toList()));
                case BOOLEAN, TEXT -> spec.description();
            };
        }

        @Override Object stored() {
            Object v = editor.getGraph().node(nodeId).params().get(spec.name());
            return spec.type() == ParamType.SHAPE ? String.join("×", ((List<?>) v).stream().map(String::valueOf).toList()) : v;
        }

        @Override public void setValue(Object value) {
            if (value == null || editor.getGraph().find(nodeId).isEmpty()) return;
            Object current = getValue();
            if (Objects.equals(current, value) || (current instanceof Number a && value instanceof Number b && a.doubleValue() == b.doubleValue()
                    && spec.type() != ParamType.SHAPE && a.getClass() == b.getClass())) return;
            try {
                var cmd = GraphCommands.changeParam(editor.getGraph(), nodeId, spec, value);
                if (cmd.after().params().equals(cmd.before().params())) return;
                if (editor.execute(cmd)) message.setText("");
            } catch (InvalidParamException e) {
                refuse(e.getMessage(), this);
            }
        }
    }

    private static String fmt(double d) {
        if (d >= Integer.MAX_VALUE) return "∞";
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
