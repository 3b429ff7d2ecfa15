package org.layerlab.editor;

import java.util.Optional;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.DefaultPropertyEditorFactory;
import org.controlsfx.property.editor.Editors;
import org.layerlab.compute.catalog.ParamType;
import org.layerlab.compute.catalog.InvalidParamException;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.graph.Node;
import org.layerlab.compute.graph.NodeInfo;
import org.layerlab.compute.layers.LayerType;

/** The property sheet of the selected layer, generated from its declared parameters. */
public final class PropertiesView extends VBox {
    private final GraphEditor editor;
    private final Label title = new Label("No layer selected");
    private final Label description = new Label();
    private final Label message = new Label();
    private final PropertySheet sheet = new PropertySheet();

    PropertiesView(GraphEditor editor) {
        this.editor = editor;
        setId("properties");
        setSpacing(6);
        setPadding(new Insets(8));
        setPrefWidth(260);
        title.setStyle("-fx-font-weight: bold; -fx-font-size: 14px;");
        description.setWrapText(true);
        message.setWrapText(true);
        message.setId("properties-message");
        message.setStyle("-fx-text-fill: #b91c1c;");
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setMode(PropertySheet.Mode.NAME);
        DefaultPropertyEditorFactory defaults = new DefaultPropertyEditorFactory();
        sheet.setPropertyEditorFactory(item -> item instanceof ParamItem p && p.spec.type() == ParamType.CHOICE
                ? Editors.createChoiceEditor(item, p.spec.choices()) : defaults.call(item));
        getChildren().addAll(title, description, sheet, message);
        editor.selectedNodeProperty().addListener((o, a, b) -> refresh());
        editor.graphProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private Node selected() {
        String id = editor.selectedNodeProperty().get();
        return id == null ? null : editor.getGraph().find(id).orElse(null);
    }

    private void refresh() {
        Node n = selected();
        sheet.getItems().clear();
        if (n == null) {
            title.setText("No layer selected");
            description.setText("Click a layer on the canvas to see and change its settings.");
            message.setText("");
            return;
        }
        LayerType type = editor.getGraph().typeOf(n.id());
        title.setText(n.name() + " — " + type.displayName());
        description.setText(type.description());
        NodeInfo info = editor.analysisProperty().get().info(n.id());
        message.setText(info != null && !info.valid() ? info.error() : "");
        for (ParamSpec spec : type.params()) sheet.getItems().add(new ParamItem(n.id(), spec));
    }

    /** Adapts one declared parameter of one node to the PropertySheet. */
    private final class ParamItem implements PropertySheet.Item {
        private final String nodeId;
        private final ParamSpec spec;

        ParamItem(String nodeId, ParamSpec spec) {
            this.nodeId = nodeId;
            this.spec = spec;
        }

        @Override public Class<?> getType() {
            return switch (spec.type()) {
                case INT -> Integer.class;
                case FLOAT -> Double.class;
                case BOOLEAN -> Boolean.class;
                case CHOICE, SHAPE -> String.class;
            };
        }

        @Override public String getCategory() { return "Parameters"; }
        @Override public String getName() { return spec.label(); }
        @Override public String getDescription() { return spec.description(); }

        @Override public Object getValue() {
            Object v = editor.getGraph().node(nodeId).params().get(spec.name());
            return spec.type() == ParamType.SHAPE
                    ? String.join("×", ((java.util.List<?>) v).stream().map(String::valueOf).toList()) : v;
        }

        @Override public void setValue(Object value) {
            Node n = editor.getGraph().find(nodeId).orElse(null);
            if (n == null || java.util.Objects.equals(getValue(), value)) return;
            try {
                Params p = n.params().with(spec.name(), value);
                message.setText("");
                editor.apply(editor.getGraph().replaceNode(n.withParams(p)));
            } catch (InvalidParamException e) {
                message.setText(e.getMessage());
            }
        }

        @Override public Optional<ObservableValue<? extends Object>> getObservableValue() { return Optional.empty(); }
    }
}
