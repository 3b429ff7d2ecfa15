package org.layerlab.app.ui;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;
import org.layerlab.compute.project.Project;
import org.layerlab.compute.project.ProjectFileException;
import org.layerlab.compute.project.ProjectArchive;
import org.layerlab.compute.project.ProjectBundle;
import org.layerlab.compute.project.ProjectFiles;

/**
 * Keeps a copy of unsaved work. Every minute while the project has changes that no save covers, the project with
 * its runs is written, atomically and in the background, to this session's autosave file; a save or a normal close
 * removes it. A file left by a session that ended without closing (a crash, a kill, a power cut) is offered back at
 * the next start. Each session holds a lock on its own file, so another LayerLab running at the same time never
 * offers a live session's work as lost.
 */
final class Autosave implements AutoCloseable {
    static final Duration INTERVAL = Duration.seconds(60);
    private static final String SUFFIX = ProjectFiles.EXTENSION, LOCK = ".lock";

    private final ProjectDocumentModel document;
    /** One thread, so writes and the final delete happen in the order they were asked for. */
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "layerlab-autosave");
        t.setDaemon(true);
        return t;
    });
    private final Path file;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Timeline timer = new Timeline(new KeyFrame(INTERVAL, e -> saveNow()));
    private long savedChanges = -1;

    /** Where autosave files live: {@code -Dlayerlab.autosave.dir}, else ~/.layerlab/autosave. */
    static Path directory() {
        String dir = System.getProperty("layerlab.autosave.dir");
        return dir != null ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".layerlab", "autosave");
    }

    /** Starts autosaving {@code document} into a new file of {@code dir}, locked for this session. */
    Autosave(ProjectDocumentModel document, Path dir) throws IOException {
        this.document = document;
        Files.createDirectories(dir);
        org.layerlab.compute.project.AtomicFiles.cleanLeftovers(dir); // temporary files of saves a crash cut short
        file = dir.resolve("session-" + ProcessHandle.current().pid() + "-" + System.currentTimeMillis() + SUFFIX);
        lockChannel = FileChannel.open(lockOf(file), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lock = lockChannel.lock();
        timer.setCycleCount(Animation.INDEFINITE);
        timer.play();
    }

    Path file() { return file; }

    /**
     * Writes the project now when it changed since the last autosave, or removes the file once nothing is unsaved.
     * FX thread (the snapshot reads the run list); the writing happens on the background executor.
     */
    void saveNow() {
        if (!document.edited()) {
            savedChanges = -1;
            io.execute(this::delete);
            return;
        }
        if (document.changeCount() == savedChanges) return;
        savedChanges = document.changeCount();
        ProjectBundle snapshot = document.snapshotBundle(); // the runs' weights too
        io.execute(() -> {
            try {
                ProjectArchive.write(snapshot, file);
            } catch (ProjectFileException e) {
                // Keep working; the next tick tries again. A full disk should not stop the user's session.
                System.err.println("layerlab: autosave failed: " + e.getMessage());
                Platform.runLater(() -> savedChanges = -1);
            }
        });
    }

    /** A normal end of the session: nothing is left behind to recover. */
    @Override public void close() {
        if (io.isShutdown()) return;
        timer.stop();
        io.execute(this::delete); // after any write still under way
        io.shutdown();
        try {
            if (!io.awaitTermination(5, TimeUnit.SECONDS)) System.err.println("layerlab: autosave still writing at exit");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            lock.release();
            lockChannel.close();
            Files.deleteIfExists(lockOf(file));
        } catch (IOException e) {
            System.err.println("layerlab: cannot remove " + lockOf(file) + ": " + e.getMessage());
        }
    }

    private void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            System.err.println("layerlab: cannot remove " + file + ": " + e.getMessage());
        }
    }

    /** Autosave files in {@code dir} whose session is gone (their lock is free), newest first. */
    static List<Path> leftBehind(Path dir) {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) return found;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path f : files) if (!isLive(f)) found.add(f);
        } catch (IOException e) {
            System.err.println("layerlab: cannot read " + dir + ": " + e.getMessage());
        }
        found.sort(Comparator.comparing(Autosave::modified).reversed());
        return found;
    }

    /** Removes a left-behind file once it has been recovered or declined. */
    static void discard(Path leftBehind) {
        try {
            Files.deleteIfExists(leftBehind);
            Files.deleteIfExists(lockOf(leftBehind));
        } catch (IOException e) {
            System.err.println("layerlab: cannot remove " + leftBehind + ": " + e.getMessage());
        }
    }

    private static boolean isLive(Path f) {
        Path lockFile = lockOf(f);
        if (!Files.exists(lockFile)) return false;
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE); FileLock l = ch.tryLock()) {
            return l == null;
        } catch (OverlappingFileLockException e) {
            return true; // held by this very JVM
        } catch (IOException e) {
            return false;
        }
    }

    private static Path lockOf(Path f) { return f.resolveSibling(f.getFileName() + LOCK); }

    private static long modified(Path f) {
        try { return Files.getLastModifiedTime(f).toMillis(); } catch (IOException e) { return 0; }
    }
}
