package org.layerlab.editor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;
import org.layerlab.editor.model.GraphSvg;

/** The graph as a picture: PNG from a snapshot of the canvas contents, SVG written from the model. Files are written off the FX thread. */
final class GraphExport {
    private GraphExport() {}

    /** Must be called on the FX thread; the image is taken at once and written in the background. */
    static CompletableFuture<Void> png(GraphEditor editor, Path file) {
        editor.canvas().boxes();
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.WHITE);
        params.setTransform(Transform.scale(2, 2));
        WritableImage image = editor.canvas().world().snapshot(params, null);
        var buffered = SwingFXUtils.fromFXImage(image, null);
        return CompletableFuture.runAsync(() -> {
            try {
                if (!ImageIO.write(buffered, "png", file.toFile())) throw new IOException("no PNG writer available");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static CompletableFuture<Void> svg(GraphEditor editor, Path file) {
        String svg = GraphSvg.write(editor.getGraph(), editor.analysis(), editor.canvas().boxes(),
                editor.canvas().orientationProperty().get(), CategoryStyle.colours());
        return CompletableFuture.runAsync(() -> {
            try {
                Files.writeString(file, svg, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
