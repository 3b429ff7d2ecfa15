package org.layerlab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.compute.data.DataSources;
import org.layerlab.compute.data.NamedIdxSource;
import org.layerlab.compute.project.ProjectFiles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Data panel's file pickers and download progress in the real window: the picker answers with a file the test
 * made, and Fashion-MNIST downloads from a loopback server that holds back half of a file until the test has seen
 * the progress bar part-way.
 */
@ExtendWith(ApplicationExtension.class)
class DataPickersTest extends MainWindowFixture {
    @TempDir Path dir;
    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);
    private static final List<String> PROPERTIES = List.of(NamedIdxSource.CACHE_PROPERTY, NamedIdxSource.SYSTEM_DIRS_PROPERTY,
            NamedIdxSource.MIRROR_PROPERTY, NamedIdxSource.CHECKSUMS_PROPERTY);

    @Start
    void start(Stage stage) { open(stage); }

    @AfterEach void cleanUp() {
        release.countDown();
        if (server != null) server.stop(0);
        PROPERTIES.forEach(System::clearProperty);
    }

    /** A picker that answers every question with {@code answer} and counts the questions. */
    private static final class FixedPicker implements FilePicker {
        Path answer;
        int asked;

        FixedPicker(Path answer) { this.answer = answer; }

        @Override public Path choose(javafx.stage.Window owner, boolean folder, String title, List<Filter> filters) {
            asked++;
            return answer;
        }
    }

    private static Path points(Path file, int rows) throws Exception {
        StringBuilder csv = new StringBuilder("x,y,class\n");
        for (int i = 0; i < rows; i++) csv.append(i % 2 == 0 ? -1 : 1).append(',').append(i % 7 * 0.1).append(',').append(i % 2 == 0 ? "a" : "b").append('\n');
        Files.createDirectories(file.getParent());
        return Files.writeString(file, csv);
    }

    private DataPanel openPanel(FxRobot robot) throws Exception {
        robot.clickOn("#data-button");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> window.dataPanel() != null && window.dataWindow().isShowing()));
        return onFx(window::dataPanel);
    }

    private void awaitLoaded(DataPanel panel, int rows) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> panel.shownLoad() != null
                    && panel.shownLoad().spec().equals(window.data().spec()) && panel.shownLoad().loaded().data().size() == rows));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no load of " + rows + " rows; the panel says: " + onFx(panel::statusText));
        }
    }

    @Test void aCsvChosenWithThePickersLoadsAndIsSavedRelativeToTheProject(FxRobot robot) throws Exception {
        Path folder = dir.resolve("course");
        Path inside = points(folder.resolve("data").resolve("points.csv"), 40);
        Path outside = points(dir.resolve("elsewhere").resolve("more.csv"), 24);
        Path project = folder.resolve("course.layerlab");
        ProjectFiles.write(ProjectDocumentModel.defaultProject(), project);
        onFx(() -> window.document().open(project)).get(20, TimeUnit.SECONDS);
        FixedPicker picker = new FixedPicker(inside);
        onFx(() -> { window.useFilePicker(picker); return null; });

        DataPanel panel = openPanel(robot);
        onFx(() -> { panel.sourceList().scrollTo(DataSources.CSV); return null; });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#source-csv");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> window.csvWizard() != null));
        robot.clickOn("#csv-choose");
        assertEquals(1, picker.asked);
        CsvImportWizard w = onFx(window::csvWizard);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(w::canImport));
        robot.clickOn("#csv-import-button");
        assertEquals("csv", onFx(() -> window.data().spec().source()));
        assertEquals(inside.toAbsolutePath().toString(), onFx(() -> window.data().spec().params().getString("file")), "its full name while open");
        awaitLoaded(panel, 40);
        onFx(() -> window.document().write(project)).get(20, TimeUnit.SECONDS);
        assertEquals("data/points.csv", ProjectFiles.read(project).dataset().params().getString("file"), "saved relative to the project's folder");
        Path moved = dir.resolve("copy.layerlab");
        onFx(() -> window.document().write(moved)).get(20, TimeUnit.SECONDS);
        assertEquals("course/data/points.csv", ProjectFiles.read(moved).dataset().params().getString("file"), "Save As elsewhere: still the same file");

        // The panel's own "Choose File…" button for the CSV source's file setting.
        picker.answer = outside;
        robot.clickOn("#choose-file");
        assertEquals(2, picker.asked);
        assertEquals(outside.toAbsolutePath().toString(), onFx(() -> window.data().spec().params().getString("file")));
        awaitLoaded(panel, 24);
        onFx(() -> window.document().write(project)).get(20, TimeUnit.SECONDS);
        assertEquals(outside.toAbsolutePath().toString(), ProjectFiles.read(project).dataset().params().getString("file"), "outside the folder: absolute");
        picker.answer = null;
        robot.clickOn("#choose-file");
        assertEquals(outside.toAbsolutePath().toString(), onFx(() -> window.data().spec().params().getString("file")), "cancelled: unchanged");
    }

    /** A small IDX pair (28×28 grey images of noise, labels 0–9), gzipped as the real files are. */
    private static Map<String, byte[]> idxFiles(int train, int test) throws Exception {
        Map<String, byte[]> out = new HashMap<>();
        Random r = new Random(7);
        int[] counts = {train, train, test, test};
        for (int i = 0; i < 4; i++) {
            boolean images = i % 2 == 0;
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream d = new DataOutputStream(new GZIPOutputStream(bytes))) {
                d.writeInt(images ? 0x803 : 0x801);
                d.writeInt(counts[i]);
                if (images) { d.writeInt(28); d.writeInt(28); }
                byte[] body = new byte[counts[i] * (images ? 28 * 28 : 1)];
                if (images) r.nextBytes(body); else for (int k = 0; k < body.length; k++) body[k] = (byte) (k % 10);
                d.write(body);
            }
            out.put(NamedIdxSource.FILES.get(i), bytes.toByteArray());
        }
        return out;
    }

    @Test void theProgressBarShowsADownloadGoingAndThenDone(FxRobot robot) throws Exception {
        Map<String, byte[]> files = idxFiles(300, 20);
        String first = NamedIdxSource.FILES.get(0);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/mirror/fashion-mnist/", ex -> {
            byte[] body = files.get(ex.getRequestURI().getPath().substring("/mirror/fashion-mnist/".length()));
            if (body == null) { ex.sendResponseHeaders(404, -1); ex.close(); return; }
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                int half = ex.getRequestURI().getPath().endsWith(first) ? body.length / 2 : body.length;
                out.write(body, 0, half);
                out.flush();
                // The rest of the first file waits until the test has seen the bar part-way.
                release.await(60, TimeUnit.SECONDS);
                out.write(body, half, body.length - half);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        StringBuilder sums = new StringBuilder();
        for (var f : files.entrySet()) sums.append(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(f.getValue()))).append("  ").append(f.getKey()).append('\n');
        System.setProperty(NamedIdxSource.CHECKSUMS_PROPERTY, Files.writeString(dir.resolve("SHA256SUMS"), sums).toString());
        System.setProperty(NamedIdxSource.CACHE_PROPERTY, dir.resolve("cache").toString());
        System.setProperty(NamedIdxSource.SYSTEM_DIRS_PROPERTY, "");
        System.setProperty(NamedIdxSource.MIRROR_PROPERTY, "http://127.0.0.1:" + server.getAddress().getPort() + "/mirror/");

        DataPanel panel = openPanel(robot);
        onFx(() -> { panel.sourceList().scrollTo(NamedIdxSource.FASHION_MNIST); return null; });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#source-fashion-mnist");
        ProgressBar bar = robot.lookup("#data-progress").queryAs(ProgressBar.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> bar.isVisible() && bar.getProgress() > 0.3 && bar.getProgress() < 0.7));
        assertTrue(onFx(() -> robot.lookup("#data-cancel").query().isVisible()), "a running download can be cancelled");
        assertTrue(onFx(() -> panel.shownLoad() == null || !panel.shownLoad().spec().source().equals("fashion-mnist")),
                "nothing of the set is shown before the download ends");

        release.countDown();
        awaitLoaded(panel, 300);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> !bar.isVisible()));
        assertTrue(onFx(panel::statusText).contains("300"), onFx(panel::statusText));
        assertTrue(Files.exists(dir.resolve("cache").resolve("fashion-mnist").resolve(first)), "the download is cached");
    }
}
