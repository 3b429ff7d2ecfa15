package org.layerlab.app.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.layerlab.compute.train.ComputePool;
import org.layerlab.compute.train.JitWarmup;

/** The JavaFX application: one main window with the default sample project loaded. */
public final class LayerLabApp extends Application {
    /**
     * The named parameter ({@code --warm-up=true}, given by the launcher) that starts the JIT warm-up once the window
     * shows, so the user's first run trains at full speed from its first batch ({@link JitWarmup}).
     */
    public static final String WARM_UP = "warm-up";
    private ComputePool pool;
    private Autosave autosave;
    private Appearance appearance;

    @Override public void start(Stage stage) {
        pool = new ComputePool();
        Language.applySaved(RecentFiles.settingsDirectory()); // before any text is made
        appearance = new Appearance(RecentFiles.settingsDirectory());
        ProjectDocumentModel document = new ProjectDocumentModel(ProjectDocumentModel.defaultProject(), pool.executor(),
                new FxDocumentDialogs(() -> stage), new RecentFiles(RecentFiles.settingsDirectory()));
        MainWindow window = new MainWindow(pool, document, () -> closeAsking(stage, document));
        // Use most of the screen (a projector shows more with a big window), but stay a window, not a wall.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        var named = getParameters() == null ? java.util.Map.<String, String>of() : getParameters().getNamed();
        String size = named.get("screenshot-size"); // "1280x800": the window a README screenshot shows
        Scene scene = size != null
                ? new Scene(window, Integer.parseInt(size.split("x")[0]), Integer.parseInt(size.split("x")[1]))
                : new Scene(window, fit(screen.getWidth(), 1024, 1600), fit(screen.getHeight(), 700, 1000));
        scene.getStylesheets().add(LayerLabApp.class.getResource("/org/layerlab/app/layerlab.css").toExternalForm());
        window.viewMenu().getItems().add(new javafx.scene.control.SeparatorMenuItem());
        window.viewMenu().getItems().addAll(appearance.menuItems());
        // --presentation=true and --theme=dark: how a screenshot shows the window (ScreenshotMode).
        appearance.presentationProperty().set(Boolean.parseBoolean(named.get("presentation")));
        if (named.containsKey("theme")) appearance.themeProperty().set(Appearance.Theme.valueOf(named.get("theme").toUpperCase(java.util.Locale.ROOT)));
        appearance.apply(scene);
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> title(document),
                document.projectProperty(), document.fileProperty(), document.unsavedProperty()));
        stage.setScene(scene);
        FileMenu.acceptDrops(scene, document);
        stage.setOnCloseRequest(e -> {
            if (!document.edited()) return;
            e.consume(); // closes below once the user has saved or chosen not to
            closeAsking(stage, document);
        });
        StartupTiming.watchTrainButton(scene, window.session());
        stage.show();
        StartupTiming.windowShown();
        if (Boolean.parseBoolean(named.get(WARM_UP))) { // behind what start-up queued on the FX thread
            Platform.runLater(() -> JitWarmup.startInBackground().thenAccept(StartupTiming::warmedUp));
        }
        // ./layerlab FILE opens that file in the window.
        List<String> files = getParameters() == null ? List.of() : getParameters().getUnnamed();
        if (!files.isEmpty()) Platform.runLater(() -> document.open(Path.of(files.get(0))));
        // Parameters are null when a test builds the app directly instead of through Application.launch.
        String shot = named.get("screenshot");
        String dataShots = named.get("screenshot-data");
        if (dataShots != null) {
            DataScreenshotMode.run(window, java.nio.file.Path.of(dataShots));
        } else if (shot != null) {
            openSample(document, named.get("screenshot-sample"));
            int epochs = Integer.parseInt(named.getOrDefault("screenshot-epochs", "60"));
            ScreenshotMode.run(scene, window, java.nio.file.Path.of(shot), epochs, named.getOrDefault("screenshot-tab", "properties"));
        } else {
            startAutosave(document, Autosave.directory());
        }
    }

    /** Opens the bundled sample with this file name ("circle-features.layerlab") for a screenshot; none when null. */
    private static void openSample(ProjectDocumentModel document, String fileName) {
        if (fileName == null || fileName.isEmpty()) return;
        var sample = org.layerlab.samples.SampleProjects.all().stream().filter(s -> s.fileName().equals(fileName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no bundled sample " + fileName));
        try {
            document.open(org.layerlab.compute.project.ProjectFiles.parse(sample.json(), sample.fileName()));
        } catch (org.layerlab.compute.project.ProjectFileException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * A window side: most of the screen within limits, but never more than the screen (a 1920×1080 screen at a UI
     * scale of 2 is 960×540).
     */
    private static double fit(double screen, double min, double max) {
        return Math.min(screen, Math.max(min, Math.min(max, screen * 0.92)));
    }

    /** "LayerLab — name.layerlab" with a mark while there are unsaved changes ("•"). */
    static String title(ProjectDocumentModel document) {
        Path f = document.fileProperty().get();
        String name = f != null ? f.getFileName().toString() : document.project().name();
        return (document.unsavedProperty().get() ? "• " : "") + name + " — LayerLab";
    }

    private static void closeAsking(Stage stage, ProjectDocumentModel document) {
        document.mayClose().thenAccept(close -> { if (close) stage.close(); });
    }

    /** Offers back work a previous session left unsaved, then keeps this session's work autosaved. */
    private void startAutosave(ProjectDocumentModel document, Path dir) {
        List<Path> lost = Autosave.leftBehind(dir);
        try {
            autosave = new Autosave(document, dir);
        } catch (IOException e) {
            System.err.println("layerlab: autosave is off, " + dir + " cannot be used: " + e.getMessage());
        }
        if (!lost.isEmpty()) Platform.runLater(() -> new Recovery(document, pool.executor()).offer(lost.get(0)));
    }

    /** This session's autosave, or null when it is off (screenshot mode, or no usable directory). */
    Autosave autosave() { return autosave; }

    /** The window's theme and presentation mode. */
    Appearance appearance() { return appearance; }

    @Override public void stop() {
        if (appearance != null) appearance.close();
        if (autosave != null) autosave.close();
        if (pool != null) pool.close();
    }
}
