package org.layerlab.editor;

import java.util.ArrayList;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.util.Duration;
import org.layerlab.compute.graph.Node;
import org.layerlab.compute.graph.NodeInfo;
import org.layerlab.compute.layers.LayerType;
import org.layerlab.editor.model.Box;
import org.layerlab.editor.model.NodeText;
import org.layerlab.editor.model.Orientation;
import org.layerlab.editor.model.Point;
import org.layerlab.editor.model.Ports;

/**
 * The default skin of one layer on the canvas: name, key settings, output shape and parameter count, or an error
 * badge whose tooltip carries the shape-inference message; input ports on the incoming side, one output port.
 */
public class NodeCard extends Region {
    public static final double WIDTH = 170;
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private static final PseudoClass ACCEPTED = PseudoClass.getPseudoClass("accepted");
    private static final PseudoClass REFUSED = PseudoClass.getPseudoClass("refused");
    static final double PORT_RADIUS = 6;

    private final Node node;
    private final LayerType type;
    private final NodeInfo info;
    private final int inputCount;
    private final Orientation orientation;
    private final VBox body = new VBox(1);
    private final List<Circle> inputs = new ArrayList<>();
    private final Circle output;
    private final HBox head;
    final List<WireView> attached = new ArrayList<>();
    private boolean selected;

    public NodeCard(Node node, LayerType type, NodeInfo info, int inputCount, Orientation orientation) {
        this.node = node;
        this.type = type;
        this.info = info;
        this.inputCount = inputCount;
        this.orientation = orientation;
        setId("node-" + node.id());
        // The category class defines -category-accent (CategoryStyle's generated sheet); the orientation class says
        // which side carries the accent stripe (canvas.css).
        getStyleClass().addAll("node-card", CategoryStyle.styleClass(type.category()),
                orientation == Orientation.TOP_DOWN ? "top-down" : "left-right");
        pseudoClassStateChanged(INVALID, info == null || !info.valid());
        setFocusTraversable(false);

        Label title = new Label(node.name());
        title.getStyleClass().add("node-title");
        title.setMinWidth(0);
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        Label badge = new Label(CategoryStyle.badge(type.category()));
        badge.getStyleClass().add("node-badge");
        badge.setMinWidth(Region.USE_PREF_SIZE);
        head = new HBox(4, title, spring);
        head.setAlignment(Pos.CENTER_LEFT);
        boolean valid = info != null && info.valid();
        if (!valid) {
            Label err = new Label("⚠");
            err.setId("error-" + node.id());
            err.getStyleClass().add("node-error-badge");
            err.setMinWidth(Region.USE_PREF_SIZE);
            Tooltip tip = new Tooltip(info == null ? EditorText.TEXT.get("notAnalysed") : info.error());
            tip.setShowDelay(Duration.millis(150));
            tip.setWrapText(true);
            tip.setMaxWidth(360);
            err.setTooltip(tip);
            head.getChildren().add(err);
        }
        head.getChildren().add(badge);

        Label kind = new Label(NodeText.kind(type, node));
        kind.getStyleClass().add("node-summary");
        body.getChildren().addAll(head, kind);
        if (valid) {
            Label shape = new Label("→ " + info.outputShape());
            shape.getStyleClass().add("node-shape");
            shape.setId("shape-" + node.id());
            Label params = new Label(NodeText.params(info.parameterCount()));
            params.getStyleClass().add("node-params");
            params.setId("params-" + node.id());
            body.getChildren().addAll(shape, params);
        } else {
            Label error = new Label(EditorText.TEXT.get("shapeError"));
            error.getStyleClass().add("node-error");
            body.getChildren().add(error);
        }
        body.setFillWidth(true);
        getChildren().add(body);

        for (int i = 0; i < inputCount; i++) {
            Circle c = port("port-in-" + node.id() + "-" + i);
            inputs.add(c);
        }
        output = port("port-out-" + node.id());
        setSelected(false);
    }

    private Circle port(String id) {
        Circle c = new Circle(PORT_RADIUS);
        c.setId(id);
        c.getStyleClass().add("port");
        c.setManaged(false);
        getChildren().add(c);
        return c;
    }

    public Node node() { return node; }
    public LayerType type() { return type; }
    public NodeInfo info() { return info; }
    public int inputCount() { return inputCount; }
    Circle outputPort() { return output; }
    List<Circle> inputPorts() { return inputs; }

    /** True when this card shows exactly these contents (position aside), so the controller can keep it. */
    private CardIssue issue;
    private javafx.scene.layout.VBox issueBox;

    /**
     * Shows a problem found for this layer outside shape inference, with a button making its fix ({@code fix} null:
     * none); null takes it away. Kept while the card is reused.
     */
    void showIssue(CardIssue shown, Runnable fix) {
        if (java.util.Objects.equals(shown, issue)) return;
        issue = shown;
        if (issueBox != null) body.getChildren().remove(issueBox);
        issueBox = null;
        if (shown == null) return;
        Label text = new Label("⚠ " + shown.message());
        text.setWrapText(true);
        text.getStyleClass().add("node-issue");
        issueBox = new javafx.scene.layout.VBox(2, text);
        issueBox.setId("issue-" + node.id());
        issueBox.getStyleClass().add("node-issue-box");
        if (fix != null) {
            javafx.scene.control.Button button = new javafx.scene.control.Button(shown.fixLabel());
            button.setId("fix-" + node.id());
            button.getStyleClass().add("node-issue-fix");
            button.setOnAction(e -> fix.run());
            button.setFocusTraversable(false);
            issueBox.getChildren().add(button);
        }
        body.getChildren().add(issueBox);
    }

    /** The issue shown on the card, or null. */
    public CardIssue issue() { return issue; }

    boolean shows(Node n, NodeInfo i, int ports, Orientation o) {
        return n.id().equals(node.id()) && n.name().equals(node.name()) && n.type().equals(node.type()) && n.params().equals(node.params())
                && java.util.Objects.equals(i, info) && ports == inputCount && o == orientation;
    }

    /** The card's rectangle in canvas coordinates, measured even before the first layout. */
    public Box box() {
        double h = getHeight() > 0 ? getHeight() : prefHeight(WIDTH);
        return new Box(getLayoutX(), getLayoutY(), WIDTH, h);
    }

    /** The strip with the layer's name, in canvas coordinates: what a wire's label must never cover. */
    Box titleBox() {
        double h = head.getHeight() > 0 ? head.getHeight() : head.prefHeight(WIDTH - 18);
        return new Box(getLayoutX(), getLayoutY(), WIDTH, 6 + h + 2);
    }

    Point inputPoint(int port) { return Ports.input(orientation, box(), port, Math.max(inputCount, port + 1)); }
    Point outputPoint() { return Ports.output(orientation, box()); }

    @Override protected double computePrefWidth(double height) { return WIDTH; }
    @Override protected double computeMinWidth(double height) { return WIDTH; }
    @Override protected double computeMaxWidth(double height) { return WIDTH; }
    @Override protected double computePrefHeight(double width) { return body.prefHeight(WIDTH - 18) + 14; }
    @Override protected double computeMinHeight(double width) { return computePrefHeight(width); }

    @Override protected void layoutChildren() {
        double h = getHeight();
        body.resizeRelocate(12, 6, WIDTH - 18, h - 12);
        Box local = new Box(0, 0, WIDTH, h);
        for (int i = 0; i < inputs.size(); i++) {
            Point p = Ports.input(orientation, local, i, inputs.size());
            inputs.get(i).relocate(p.x() - PORT_RADIUS, p.y() - PORT_RADIUS);
        }
        Point o = Ports.output(orientation, local);
        output.relocate(o.x() - PORT_RADIUS, o.y() - PORT_RADIUS);
    }

    public boolean isSelected() { return selected; }

    void setSelected(boolean s) {
        selected = s;
        pseudoClassStateChanged(SELECTED, s);
    }

    /** Marks the output port as the source of a wire drawn backwards: green accepted, red refused, null none. */
    void highlightOutput(Boolean ok) {
        mark(output, ok);
    }

    /** Marks an input port as a possible drop target while a wire is dragged: green accepted, red refused, null none. */
    void highlightInput(int port, Boolean ok) {
        for (int i = 0; i < inputs.size(); i++) mark(inputs.get(i), i == port ? ok : null);
    }

    private static void mark(Circle port, Boolean ok) {
        port.pseudoClassStateChanged(ACCEPTED, Boolean.TRUE.equals(ok));
        port.pseudoClassStateChanged(REFUSED, Boolean.FALSE.equals(ok));
    }
}
