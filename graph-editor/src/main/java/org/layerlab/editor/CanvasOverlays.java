package org.layerlab.editor;

import javafx.animation.PauseTransition;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.layerlab.compute.text.Messages;

/**
 * What floats over the canvas without belonging to the graph: the banner (and amber border) saying the document
 * differs from the model being trained, a short message near the pointer (e.g. why a wire is refused), and a notice
 * offering to take back what an edit did on the user's behalf (e.g. the join after deleting a middle layer).
 */
final class CanvasOverlays {
    private static final javafx.css.PseudoClass DIFFERS = javafx.css.PseudoClass.getPseudoClass("differs");
    private final Region pane;
    private final Label message = new Label();
    private static final Messages TEXT = Messages.of("org.layerlab.editor.i18n.canvas", CanvasOverlays.class);

    private final Label banner = new Label(TEXT.get("banner.differs"));
    private final PauseTransition messageTimer = new PauseTransition(Duration.seconds(4));
    private final Label noticeText = new Label();
    private final Button noticeAction = new Button();
    private final HBox notice = new HBox(noticeText, noticeAction);
    private final PauseTransition noticeTimer = new PauseTransition(Duration.seconds(10));

    CanvasOverlays(GraphEditor editor, Region pane) {
        this.pane = pane;
        message.setId("connection-message");
        message.setManaged(false);
        message.setVisible(false);
        message.setMouseTransparent(true);
        message.setWrapText(true);
        message.setMaxWidth(340);
        message.getStyleClass().add("canvas-message");
        messageTimer.setOnFinished(e -> message.setVisible(false));
        banner.setId("canvas-training-banner");
        banner.setManaged(false);
        banner.setMouseTransparent(true);
        banner.getStyleClass().add("canvas-training-banner");
        banner.visibleProperty().bind(editor.canvasDiffersFromTraining());
        // The amber frame round the canvas while the banner shows (canvas.css, .graph-canvas:differs).
        banner.visibleProperty().addListener((o, a, b) -> pane.pseudoClassStateChanged(DIFFERS, b));
        notice.setId("canvas-notice");
        notice.getStyleClass().add("canvas-notice");
        notice.setManaged(false);
        notice.setVisible(false);
        noticeAction.setId("canvas-notice-action");
        noticeAction.setFocusTraversable(false);
        noticeTimer.setOnFinished(e -> hideNotice());
        // Any later edit makes the offer stale (it is shown just after the edit it is about).
        editor.graphProperty().addListener((o, a, b) -> hideNotice());
    }

    HBox notice() { return notice; }

    /** Says what an edit did, with a button that takes it back another way, for a few seconds. */
    void offer(String text, String action, String tip, Runnable onAction) {
        noticeText.setText(text);
        noticeAction.setText(action);
        noticeAction.setTooltip(new Tooltip(tip));
        noticeAction.setOnAction(e -> { hideNotice(); onAction.run(); });
        notice.setVisible(true);
        notice.toFront();
        noticeTimer.playFromStart();
        pane.requestLayout();
    }

    void hideNotice() {
        noticeTimer.stop();
        notice.setVisible(false);
    }

    Label banner() { return banner; }
    Label message() { return message; }

    /** Called from the pane's layout: the banner sits in the bottom-left corner. */
    void layout() {
        banner.autosize();
        banner.relocate(8, pane.getHeight() - banner.getHeight() - 8);
        notice.autosize();
        double above = banner.isVisible() ? banner.getHeight() + 6 : 0;
        notice.relocate(Math.max(8, (pane.getWidth() - notice.getWidth()) / 2), pane.getHeight() - notice.getHeight() - 8 - above);
        message.autosize();
    }

    /** Shows a short message near a point of the pane for a few seconds. */
    void flash(String text, double x, double y) {
        show(text, x, y);
        messageTimer.playFromStart();
    }

    /** Shows a message near a point of the pane until {@link #hide()}. */
    void show(String text, double x, double y) {
        messageTimer.stop();
        message.setText(text);
        double w = Math.min(message.getMaxWidth(), message.prefWidth(-1)), h = message.prefHeight(w);
        message.resize(w, h);
        message.relocate(Math.max(4, Math.min(pane.getWidth() - w - 4, x + 14)), Math.max(4, Math.min(pane.getHeight() - h - 4, y + 16)));
        message.setVisible(true);
        message.toFront();
    }

    void hide() { message.setVisible(false); }
}
