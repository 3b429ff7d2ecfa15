package org.layerlab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The debug timings: the window's start, and pressing Train to the first step (printed, never asserted on). */
@ExtendWith(ApplicationExtension.class)
class StartupTimingTest extends MainWindowFixture {
    final List<String> lines = new CopyOnWriteArrayList<>();
    final Handler capture = new Handler() {
        @Override public void publish(LogRecord r) { lines.add(r.getMessage()); }
        @Override public void flush() {}
        @Override public void close() {}
    };
    Level before;

    /** Called from {@code @Start}: TestFX opens the window before any {@code @BeforeEach}. */
    void listen() {
        before = StartupTiming.LOG.getLevel();
        StartupTiming.LOG.setLevel(Level.FINE);
        StartupTiming.LOG.addHandler(capture);
    }

    @AfterEach void stopListening() {
        StartupTiming.LOG.removeHandler(capture);
        StartupTiming.LOG.setLevel(before);
    }

    @Start void start(Stage stage) { listen(); open(stage); }

    @Test void theWindowAndTheFirstStepAfterTrainAreTimed(FxRobot robot) throws Exception {
        assertTrue(lines.stream().anyMatch(l -> l.matches("window shown \\d+ ms after the JVM started, CPU -?\\d+ ms")), lines.toString());
        robot.clickOn("#train-button");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> lines.stream().anyMatch(l -> l.startsWith("first training step")));
        List<String> steps = lines.stream().filter(l -> l.startsWith("first training step")).toList();
        assertEquals(1, steps.size(), lines.toString());
        assertTrue(steps.get(0).matches("first training step \\d+ ms after Train was pressed"), steps.get(0));
        System.out.println("StartupTimingTest: " + lines);
    }
}
