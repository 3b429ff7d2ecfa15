package org.layerlab.compute.data;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What a loader may need beyond its settings: the folder relative file names are resolved against (the project
 * file's), the points of a drawn data set, where to report progress, whether the user cancelled, and how much
 * memory the data may take.
 */
public record DataContext(Path baseDir, List<DrawnPoint> points, DataProgress progress, BooleanSupplier cancelled,
                          long memoryBudget) {
    public DataContext {
        points = List.copyOf(points);
        if (progress == null) progress = DataProgress.NONE;
        if (cancelled == null) cancelled = () -> false;
    }

    /** Relative names resolve against {@code baseDir} (or the working folder when null); no points; the default budget. */
    public static DataContext of(Path baseDir) {
        return new DataContext(baseDir, List.of(), DataProgress.NONE, () -> false, defaultBudget());
    }

    /** Half of the heap LayerLab may use: the rest is for the network, its gradients and the window. */
    public static long defaultBudget() { return Runtime.getRuntime().maxMemory() / 2; }

    public DataContext withPoints(List<DrawnPoint> p) { return new DataContext(baseDir, p, progress, cancelled, memoryBudget); }
    public DataContext withProgress(DataProgress p) { return new DataContext(baseDir, points, p, cancelled, memoryBudget); }
    public DataContext withCancel(BooleanSupplier c) { return new DataContext(baseDir, points, progress, c, memoryBudget); }
    public DataContext withMemoryBudget(long bytes) { return new DataContext(baseDir, points, progress, cancelled, bytes); }

    /**
     * How a data file is named in a project's settings: relative to the project's folder ({@code baseDir}) when the
     * file is inside it ("data/scores.csv", with forward slashes so the project opens on any system), absolute
     * otherwise or when the project has no folder yet.
     */
    public static String nameFor(Path file, Path baseDir) {
        Path abs = file.toAbsolutePath().normalize();
        if (baseDir == null) return abs.toString();
        Path base = baseDir.toAbsolutePath().normalize();
        if (!abs.startsWith(base) || abs.equals(base)) return abs.toString();
        return base.relativize(abs).toString().replace(java.io.File.separatorChar, '/');
    }

    /** A file name from the settings, resolved against the base folder. */
    public Path resolve(String name) {
        Path p = Path.of(name);
        return p.isAbsolute() || baseDir == null ? p : baseDir.resolve(p);
    }

    /**
     * Refuses a data set whose tensors would take more than the budget, before anything is allocated.
     * {@code floats} is the number of float values the data set needs.
     */
    public void reserve(String file, long floats) throws DataException {
        long bytes = floats * Float.BYTES;
        if (floats < 0 || bytes / Float.BYTES != floats || bytes > memoryBudget) {
            throw new DataException(file, null, DataText.get("memory.tooLarge", DataText.bytes(floats < 0 || bytes / Float.BYTES != floats ? Long.MAX_VALUE : bytes), DataText.bytes(memoryBudget)));
        }
    }

    /** Throws when the user cancelled the load. */
    public void checkCancelled(String file) throws DataException {
        if (cancelled.getAsBoolean()) throw new DataException(file, null, DataText.get("load.cancelled"));
    }
}
