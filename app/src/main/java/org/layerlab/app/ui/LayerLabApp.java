package org.layerlab.app.ui;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.layerlab.compute.train.ComputePool;

/** The JavaFX application: one main window with the default sample project loaded. */
public final class LayerLabApp extends Application {
    private ComputePool pool;

    @Override public void start(Stage stage) {
        pool = new ComputePool();
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        ProjectDocumentModel document = new ProjectDocumentModel(ProjectDocumentModel.defaultProject(), pool.executor(), () -> stage);
        MainWindow window = new MainWindow(pool, document);
        // Use most of the screen (a projector shows more with a big window), but stay a window, not a wall.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(window, Math.max(1024, Math.min(1600, screen.getWidth() * 0.92)),
                Math.max(700, Math.min(1000, screen.getHeight() * 0.92)));
        scene.getStylesheets().add(LayerLabApp.class.getResource("/org/layerlab/app/layerlab.css").toExternalForm());
        stage.setTitle("LayerLab — " + document.project().name());
        document.projectProperty().addListener((o, a, p) -> stage.setTitle("LayerLab — " + p.name()));
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            if (!document.edited()) return;
            e.consume(); // closes below once the user has saved or chosen not to
            document.mayClose().thenAccept(close -> { if (close) stage.close(); });
        });
        stage.show();
        // Parameters are null when a test builds the app directly instead of through Application.launch.
        var named = getParameters() == null ? java.util.Map.<String, String>of() : getParameters().getNamed();
        String shot = named.get("screenshot");
        if (shot != null) {
            int epochs = Integer.parseInt(named.getOrDefault("screenshot-epochs", "60"));
            ScreenshotMode.run(scene, window, java.nio.file.Path.of(shot), epochs);
        }
    }

    @Override public void stop() {
        if (pool != null) pool.close();
    }
}
