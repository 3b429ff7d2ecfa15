package org.layerlab.app.ui;

import java.util.Optional;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * CommonMark text as JavaFX nodes: headings, paragraphs, bullet and numbered lists, emphasis, code, quotes, rules
 * and images (looked up by their path, e.g. among the project's embedded entries). Parsing is commonmark-java's;
 * this class only maps its tree onto text flows with style classes, so the style sheet decides how a lesson looks.
 * Raw HTML in the text is shown as text, never interpreted.
 */
public final class MarkdownView extends VBox {
    private static final Parser PARSER = Parser.builder().build();
    private final Function<String, java.util.concurrent.CompletionStage<Optional<Image>>> images;

    /**
     * @param images an image by the path written in the text (empty when there is none), decoded off the FX thread: the
     *               view shows a placeholder until it is ready, unless it is ready already
     */
    public MarkdownView(Function<String, java.util.concurrent.CompletionStage<Optional<Image>>> images) {
        this.images = images;
        getStyleClass().add("markdown");
        setFillWidth(true);
    }

    /** Shows {@code markdown}, replacing what was shown. */
    public void show(String markdown) {
        getChildren().clear();
        VBox body = this;
        PARSER.parse(markdown == null ? "" : markdown).accept(new Blocks(body));
    }

    /** Turns block nodes into children of {@code box}. */
    private final class Blocks extends AbstractVisitor {
        private final VBox box;

        Blocks(VBox box) { this.box = box; }

        @Override public void visit(Heading h) { box.getChildren().add(flow(h, "markdown-h" + Math.min(h.getLevel(), 3))); }

        @Override public void visit(Paragraph p) {
            // A paragraph of one image shows the image on its own.
            if (p.getFirstChild() instanceof org.commonmark.node.Image img && img.getNext() == null) {
                box.getChildren().add(image(img));
                return;
            }
            box.getChildren().add(flow(p, "markdown-paragraph"));
        }

        @Override public void visit(BulletList l) { list(l, false, 1); }

        @Override public void visit(OrderedList l) { list(l, true, l.getMarkerStartNumber() == null ? 1 : l.getMarkerStartNumber()); }

        private void list(org.commonmark.node.ListBlock l, boolean numbered, int start) {
            VBox items = new VBox();
            items.getStyleClass().add("markdown-list");
            int n = start;
            for (org.commonmark.node.Node item = l.getFirstChild(); item != null; item = item.getNext()) {
                if (!(item instanceof ListItem)) continue;
                Label marker = new Label(numbered ? (n++) + "." : "•");
                marker.getStyleClass().add("markdown-marker");
                marker.setMinWidth(numbered ? 24 : 16);
                VBox content = new VBox();
                content.getStyleClass().add("markdown-item");
                for (org.commonmark.node.Node c = item.getFirstChild(); c != null; c = c.getNext()) c.accept(new Blocks(content));
                HBox row = new HBox(marker, content);
                HBox.setHgrow(content, Priority.ALWAYS);
                items.getChildren().add(row);
            }
            box.getChildren().add(items);
        }

        @Override public void visit(BlockQuote q) {
            VBox quote = new VBox();
            quote.getStyleClass().add("markdown-quote");
            visitChildren(q, quote);
            box.getChildren().add(quote);
        }

        @Override public void visit(FencedCodeBlock c) { code(c.getLiteral()); }

        @Override public void visit(IndentedCodeBlock c) { code(c.getLiteral()); }

        @Override public void visit(ThematicBreak t) { box.getChildren().add(new Separator()); }

        @Override public void visit(org.commonmark.node.HtmlBlock h) { code(h.getLiteral()); }

        private void code(String literal) {
            Label l = new Label(literal.stripTrailing());
            l.getStyleClass().add("markdown-code-block");
            l.setMaxWidth(Double.MAX_VALUE);
            l.setWrapText(true);
            box.getChildren().add(l);
        }

        private void visitChildren(org.commonmark.node.Node parent, VBox into) {
            for (org.commonmark.node.Node c = parent.getFirstChild(); c != null; c = c.getNext()) c.accept(new Blocks(into));
        }
    }

    private TextFlow flow(org.commonmark.node.Node block, String styleClass) {
        TextFlow f = new TextFlow();
        f.getStyleClass().add(styleClass);
        block.accept(new Inlines(f, new java.util.ArrayList<>()));
        return f;
    }

    /** Turns inline nodes into texts of a flow, each with the style classes of the spans around it. */
    private final class Inlines extends AbstractVisitor {
        private final TextFlow flow;
        private final java.util.List<String> styles;

        Inlines(TextFlow flow, java.util.List<String> styles) {
            this.flow = flow;
            this.styles = styles;
        }

        @Override public void visit(org.commonmark.node.Text t) { add(t.getLiteral()); }

        @Override public void visit(Code c) { within("markdown-code", () -> add(c.getLiteral())); }

        @Override public void visit(Emphasis e) { within("markdown-em", () -> visitChildren(e)); }

        @Override public void visit(StrongEmphasis s) { within("markdown-strong", () -> visitChildren(s)); }

        @Override public void visit(SoftLineBreak b) { add(" "); }

        @Override public void visit(HardLineBreak b) { add("\n"); }

        @Override public void visit(org.commonmark.node.HtmlInline h) { add(h.getLiteral()); }

        @Override public void visit(Link l) {
            int before = flow.getChildren().size();
            within("markdown-link", () -> visitChildren(l));
            Tooltip tip = new Tooltip(l.getDestination());
            for (Node n : flow.getChildren().subList(before, flow.getChildren().size())) Tooltip.install(n, tip);
        }

        @Override public void visit(org.commonmark.node.Image i) { flow.getChildren().add(image(i)); }

        private void within(String style, Runnable r) {
            styles.add(style);
            try {
                r.run();
            } finally {
                styles.remove(styles.size() - 1);
            }
        }

        private void add(String s) {
            Text t = new Text(s);
            t.getStyleClass().add("markdown-text");
            t.getStyleClass().addAll(styles);
            flow.getChildren().add(t);
        }
    }

    /**
     * An image from the lookup, scaled down to the text's width; its alternative text when it is missing. One still being
     * decoded shows a placeholder that the image replaces when ready (on the FX thread); the FX thread never waits for it.
     */
    private Node image(org.commonmark.node.Image i) {
        StringBuilder alt = new StringBuilder();
        for (org.commonmark.node.Node c = i.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof org.commonmark.node.Text t) alt.append(t.getLiteral());
        }
        java.util.concurrent.CompletableFuture<Optional<Image>> img = images.apply(i.getDestination()).toCompletableFuture();
        if (img.isDone() && !img.isCompletedExceptionally()) return imageOrMissing(img.join(), alt.toString(), i.getDestination());
        Label loading = new Label(LessonPanel.IMAGE_TEXT.get("loading", alt));
        loading.getStyleClass().add("markdown-image-loading");
        loading.setWrapText(true);
        javafx.scene.layout.StackPane holder = new javafx.scene.layout.StackPane(loading);
        holder.getStyleClass().add("markdown-image-holder");
        holder.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        img.whenComplete((found, err) -> javafx.application.Platform.runLater(() ->
                holder.getChildren().setAll(imageOrMissing(err == null ? found : Optional.empty(), alt.toString(), i.getDestination()))));
        return holder;
    }

    private Node imageOrMissing(Optional<Image> img, String alt, String destination) {
        if (img.isEmpty()) {
            Label missing = new Label(LessonPanel.TEXT.get("imageMissing", alt, destination));
            missing.getStyleClass().add("markdown-missing-image");
            missing.setWrapText(true);
            return missing;
        }
        ImageView v = new ImageView(img.get());
        v.setPreserveRatio(true);
        v.getStyleClass().add("markdown-image");
        v.fitWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.min(img.get().getWidth(), Math.max(40, getWidth() - 8)), widthProperty()));
        Tooltip.install(v, new Tooltip(alt));
        return v;
    }
}
