package org.layerlab.app.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.layerlab.compute.project.AtomicFiles;
import org.layerlab.compute.project.ProjectFileException;

/**
 * The files opened or saved lately, newest first, remembered in a small text file ({@code recent.txt}, one path a
 * line) of the settings folder: {@code ~/.layerlab}, or the {@code layerlab.settings.dir} system property (tests).
 */
public final class RecentFiles {
    public static final int MAX = 10;
    private final Path store;
    private final ObservableList<Path> files = FXCollections.observableArrayList();

    public RecentFiles(Path settingsDir) {
        this.store = settingsDir.resolve("recent.txt");
        try {
            if (Files.isRegularFile(store)) {
                for (String line : Files.readAllLines(store, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && files.size() < MAX) files.add(Path.of(line.strip()));
                }
            }
        } catch (IOException | RuntimeException e) {
            // A damaged list is only a convenience lost: start empty.
            files.clear();
        }
    }

    public static Path settingsDirectory() {
        String dir = System.getProperty("layerlab.settings.dir");
        return dir != null ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".layerlab");
    }

    /** Newest first (FX thread). */
    public ObservableList<Path> files() { return files; }

    /** Puts {@code file} first and writes the list (FX thread; the write is small). */
    public void add(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        files.remove(abs);
        files.add(0, abs);
        while (files.size() > MAX) files.remove(files.size() - 1);
        List<String> lines = new ArrayList<>();
        for (Path p : files) lines.add(p.toString());
        try {
            AtomicFiles.write(store, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (ProjectFileException e) {
            System.err.println("layerlab: cannot remember recent files: " + e.getMessage());
        }
    }

    public void remove(Path file) { files.remove(file); }
}
