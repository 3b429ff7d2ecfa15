package org.layerlab.app.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.layerlab.charts.data.ColumnStats;
import org.layerlab.charts.data.PreviewData;
import org.layerlab.compute.data.DataContext;
import org.layerlab.compute.data.DataException;
import org.layerlab.compute.data.DataSplit;
import org.layerlab.compute.data.LoadedData;
import org.layerlab.compute.data.Normalization;
import org.layerlab.compute.data.Splits;
import org.layerlab.compute.project.DatasetSpec;

/**
 * Loads data sets for the Data panel's preview on a background executor, one at a time: a new load makes the one
 * before it stale (it is cancelled at its next check and its result is dropped), so the preview always shows the
 * latest settings and the FX thread never waits. Progress is written to an atomic snapshot for a timer to read.
 */
final class DataLoads {
    /** How far the running load is: {@code done} of {@code total} (−1: unknown) units of {@code stage}. */
    record Progress(String stage, long done, long total) {
        static final Progress IDLE = new Progress("", 0, 0);
        double fraction() { return total > 0 ? Math.min(1, (double) done / total) : -1; }
    }

    /**
     * A finished load: what was loaded, how it splits, the split normalised as training will see it (statistics of the
     * training part only), and what the previews show (the values as loaded).
     */
    record Loaded(DatasetSpec spec, LoadedData loaded, Splits splits, Splits prepared, PreviewData preview, List<ColumnStats.Row> stats,
                  long nanos) {}

    private final Executor executor;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicReference<Progress> progress = new AtomicReference<>(Progress.IDLE);
    private volatile boolean busy;
    private volatile Loaded last;

    DataLoads(Executor executor) { this.executor = executor; }

    /** Where loads run (the CSV wizard reads there too). */
    Executor executor() { return executor; }

    /** The running load's progress (any thread). */
    Progress progress() { return progress.get(); }

    /** Whether a load is running. */
    boolean busy() { return busy; }

    /**
     * The split of {@code spec} as the last load prepared it, or null when the last load was of other data: a run
     * starting on the data the preview shows needs no second load (and none on the FX thread). Any thread.
     */
    Splits preparedFor(DatasetSpec spec) {
        Loaded l = last;
        return l != null && l.spec().withNormalization(null).equals(spec.withNormalization(null)) ? l.prepared() : null;
    }

    /** Makes any running load stale. */
    void cancel() {
        generation.incrementAndGet();
        busy = false;
        progress.set(Progress.IDLE);
    }

    /**
     * Loads {@code spec} (files relative to {@code baseDir}) and splits it; on the FX thread then calls {@code done} or
     * {@code failed}, unless another load was started or {@link #cancel()} called in between. Returns when the load
     * is over (or stale), for tests.
     */
    CompletableFuture<Void> load(DatasetSpec spec, Path baseDir, Consumer<Loaded> done, Consumer<DataException> failed) {
        long mine = generation.incrementAndGet();
        busy = true;
        progress.set(new Progress("", 0, -1));
        DataContext ctx = DataContext.of(baseDir)
                .withProgress((stage, d, total) -> { if (generation.get() == mine) progress.set(new Progress(stage, d, total)); })
                .withCancel(() -> generation.get() != mine);
        CompletableFuture<Void> finished = new CompletableFuture<>();
        executor.execute(() -> {
            Loaded result = null;
            DataException error = null;
            try {
                long t0 = System.nanoTime();
                LoadedData loaded = spec.load(ctx);
                Splits splits = DataSplit.apply(loaded, spec.split());
                String method = spec.dataSource().normalization(spec.params());
                Splits prepared = Normalization.NONE.equals(method) ? splits : Normalization.fit(splits.train(), method).apply(splits);
                PreviewData preview = PreviewData.of(loaded.data(), loaded.data().featureNamesOrDefault());
                result = new Loaded(spec, loaded, splits, prepared, preview, ColumnStats.of(preview), System.nanoTime() - t0);
            } catch (DataException e) {
                error = e;
            } catch (RuntimeException | OutOfMemoryError e) {
                error = new DataException(null, null, String.valueOf(e.getMessage() == null ? e : e.getMessage()), e);
            }
            Loaded ok = result;
            DataException bad = error;
            Platform.runLater(() -> {
                if (generation.get() == mine) {
                    busy = false;
                    progress.set(Progress.IDLE);
                    if (ok != null) {
                        last = ok;
                        done.accept(ok);
                    } else failed.accept(bad);
                }
                finished.complete(null);
            });
        });
        return finished;
    }
}
