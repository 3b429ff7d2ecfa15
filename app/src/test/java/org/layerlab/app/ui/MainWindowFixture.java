package org.layerlab.app.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.layerlab.charts.TrainingDashboard;
import org.layerlab.charts.model.RunData;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window with the default project, shut down after each test. Subclasses keep a one-line
 * {@code @Start} method calling {@link #open}: TestFX only finds {@code @Start} on the test class itself.
 */
abstract class MainWindowFixture {
    protected final LayerLabApp app = new LayerLabApp();
    protected MainWindow window;
    protected Stage stage;

    protected void open(Stage stage) {
        this.stage = stage;
        app.start(stage);
        window = (MainWindow) stage.getScene().getRoot();
    }

    private static final String AUTOSAVE_DIR = "layerlab.autosave.dir";
    private final String defaultAutosaveDir = System.getProperty(AUTOSAVE_DIR);

    @AfterEach
    void stopApp() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.session().stop()).get();
        app.stop();
        if (defaultAutosaveDir == null) System.clearProperty(AUTOSAVE_DIR); else System.setProperty(AUTOSAVE_DIR, defaultAutosaveDir);
    }

    /** Points the app opened next at its own autosave folder (the build's default is restored after the test). */
    protected static void useAutosaveDirectory(java.nio.file.Path dir) { System.setProperty(AUTOSAVE_DIR, dir.toString()); }

    protected static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    /** Waits until the run list holds {@code runs} runs and the last of them has completed; returns the charts. */
    protected TrainingDashboard awaitCompletedRuns(int runs) throws Exception {
        TrainingDashboard charts = window.charts();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> charts.store().runs().size() == runs
                && charts.store().runs().get(runs - 1).status() == RunData.Status.COMPLETED));
        return charts;
    }

    /** Presses Train on a run far longer than any test waits, and waits until it has taken more than {@code steps} steps. */
    protected void startLongRun(org.testfx.api.FxRobot robot, long steps) throws Exception {
        useEpochs(1_000_000); // a run is surely still going whenever the test stops or pauses it
        robot.clickOn("#train-button");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> window.session().progressProperty().get().step() > steps));
    }

    /** Re-opens the default project set to train for {@code epochs} epochs. */
    protected void useEpochs(int epochs) throws Exception {
        onFx(() -> {
            ProjectDocumentModel doc = window.document();
            doc.open(doc.project().withTraining(doc.project().training().withEpochs(epochs)));
            return null;
        });
    }
}
