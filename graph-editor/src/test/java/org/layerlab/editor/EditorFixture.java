package org.layerlab.editor;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.layerlab.compute.graph.ModelGraph;
import org.testfx.util.WaitForAsyncUtils;

/** The editor in a window as the TestFX editor tests drive it: palette, canvas and inspector around the default chain. */
final class EditorFixture {
    private final GraphEditor editor = new GraphEditor();

    /** Shows a fresh editor on {@code stage} holding {@link Graphs#chain()}. */
    static EditorFixture show(Stage stage) {
        EditorFixture f = new EditorFixture();
        BorderPane root = new BorderPane(f.editor.canvas(), null, f.editor.inspector(), null, f.editor.palette());
        Scene scene = new Scene(root, 1200, 760);
        f.editor.installShortcuts(scene);
        f.editor.setGraph(Graphs.chain());
        stage.setScene(scene);
        stage.show();
        return f;
    }

    GraphEditor editor() { return editor; }

    /** Runs {@code c} on the FX thread and waits for its result. */
    static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    ModelGraph graph() throws Exception { return onFx(editor::getGraph); }

    /** Replaces the editor's graph and waits until the canvas has caught up. */
    void setGraph(ModelGraph g) throws Exception {
        onFx(() -> { editor.setGraph(g); return null; });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
