package org.layerlab.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.layerlab.compute.catalog.InvalidParamException;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.data.DataContext;
import org.layerlab.compute.data.DataException;
import org.layerlab.compute.data.DataFiles;
import org.layerlab.compute.data.DataSplit;
import org.layerlab.compute.data.InputShapes;
import org.layerlab.compute.data.Splits;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.graph.GraphException;
import org.layerlab.compute.project.Project;
import org.layerlab.compute.project.ProjectFileException;
import org.layerlab.compute.project.ProjectArchive;
import org.layerlab.compute.project.ProjectBundle;
import org.layerlab.compute.project.RunHistory;
import org.layerlab.compute.project.RunWeights;
import org.layerlab.compute.train.ComputePool;
import org.layerlab.compute.train.Evaluation;
import org.layerlab.compute.train.RunPreflight;
import org.layerlab.compute.train.Trainer;
import org.layerlab.compute.train.TrainingConfig;
import org.layerlab.compute.train.TrainingEvents.BatchEnd;
import org.layerlab.compute.train.TrainingEvents.EndReason;
import org.layerlab.compute.train.TrainingEvents.EpochEnd;
import org.layerlab.compute.train.TrainingEvents.RunEnded;
import org.layerlab.compute.train.TrainingEvents.RunStarted;
import org.layerlab.compute.train.TrainingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code layerlab train}: trains a project headless with a progress bar, then prints the final metrics. */
@Command(name = "train", mixinStandardHelpOptions = true)
final class TrainCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "<project-file>", descriptionKey = "train.project-file")
    Path file;

    @Option(names = "--epochs", paramLabel = "N", descriptionKey = "train.epochs")
    Integer epochs;

    @Option(names = "--seed", paramLabel = "S", descriptionKey = "train.seed")
    Long seed;

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            descriptionKey = "train.set")
    List<String> set = new ArrayList<>();

    @Option(names = "--data", paramLabel = "FILE", descriptionKey = "train.data")
    Path data;

    @Option(names = "--labels", paramLabel = "FILE", descriptionKey = "train.labels")
    Path labels;

    @Option(names = "--label", paramLabel = "COLUMN", descriptionKey = "train.label")
    String label;

    @Option(names = "--no-progress", descriptionKey = "train.no-progress")
    boolean noProgress;

    @Option(names = "--keep-checkpoints", descriptionKey = "train.keep-checkpoints")
    boolean keepCheckpoints;

    @Option(names = "--out", paramLabel = "TRAINED", descriptionKey = "train.out")
    Path outFile;

    /** {@code --set split.validation=0.2}: a setting of the data set's split rather than of the run. */
    private static final String SPLIT_PREFIX = "split.";
    /** The validation share's old name, from when it was a run setting. */
    private static final String OLD_VALIDATION_SPLIT = "validationSplit";
    private static final org.layerlab.compute.text.Messages DATA_TEXT =
            org.layerlab.compute.text.Messages.of("org.layerlab.app.i18n.datacli", TrainCommand.class);
    private static final org.layerlab.compute.text.Messages TEXT =
            org.layerlab.compute.text.Messages.of("org.layerlab.app.i18n.cli", TrainCommand.class);

    @Spec CommandSpec spec;

    @Override public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        Project project;
        ProjectBundle bundle;
        try {
            bundle = ProjectArchive.read(file);
            project = bundle.project();
        } catch (ProjectFileException e) {
            err.println("layerlab: " + CliFailures.oneLine(e.getMessage()));
            err.flush();
            return LayerLabCli.EXIT_BAD_INPUT;
        }
        if (epochs != null && epochs < 1) return badInput(err, "--epochs must be at least 1, got " + epochs);
        TrainingConfig cfg = project.training();
        if (epochs != null) cfg = cfg.withEpochs(epochs);
        if (seed != null) cfg = cfg.withSeed(seed);
        // A best checkpoint is only kept for --out when early stopping looks for one.
        cfg = cfg.withCheckpoints(keepCheckpoints || outFile != null && cfg.patience() > 0);
        Params split0 = project.dataset().split();
        for (String assignment : set) {
            int eq = assignment.indexOf('=');
            if (eq <= 0) return badInput(err, "--set " + assignment + ": expected NAME=VALUE");
            String name = assignment.substring(0, eq).trim(), value = assignment.substring(eq + 1).trim();
            if (name.equals(OLD_VALIDATION_SPLIT)) {
                // The validation share has one home, the data set's split; the old name still works, with a note.
                err.println("layerlab: " + DATA_TEXT.get("set.validationSplitDeprecated", value));
                name = SPLIT_PREFIX + "validation";
            }
            try {
                if (name.startsWith(SPLIT_PREFIX)) split0 = DataSplit.check(split0.with(name.substring(SPLIT_PREFIX.length()), value));
                else cfg = cfg.with(name, value);
            } catch (InvalidParamException | IllegalArgumentException e) {
                return badInput(err, "--set " + assignment + ": " + e.getMessage());
            }
        }
        project = project.withDataset(project.dataset().withSplit(split0));
        project = project.withTraining(cfg);

        CompiledNetwork net;
        Splits split;
        Trainer trainer;
        try {
            if (data != null) {
                // Another file with the project's network, settings and split; the Input layer takes its shape.
                DataFiles.Choice choice = DataFiles.choose(data, labels, label);
                project = project.withDataset(project.dataset().withSource(choice.source().id(), choice.settings()));
            } else if (labels != null || label != null) {
                return badInput(err, "--labels and --label go with --data");
            }
            split = project.dataset().prepare(DataContext.of(file.toAbsolutePath().getParent())).splits();
            project = project.withGraph(InputShapes.follow(project.graph(), split.train().sampleShape()));
        } catch (DataException e) {
            err.println("layerlab: " + CliFailures.oneLine(e.getMessage()));
            err.flush();
            return LayerLabCli.EXIT_BAD_INPUT;
        } catch (IllegalArgumentException e) { // a split that leaves nothing to train on
            return badInput(err, e.getMessage());
        }
        try {
            // Configuration errors (and a run too large for memory) are found here, before any weight is allocated.
            List<RunPreflight.Problem> problems = RunPreflight.check(project.graph(), split.train(), cfg);
            if (!problems.isEmpty()) return badInput(err, RunPreflight.describe(problems));
            net = CompiledNetwork.compile(project.graph(), cfg.seed());
            trainer = new Trainer(net, split.train(), split.validation(), cfg);
        } catch (GraphException | IllegalArgumentException e) {
            return badInput(err, e.getMessage());
        }
        long t0 = System.nanoTime();
        RunEnded end;
        final TrainingConfig run = cfg;
        ProgressTracker where = new ProgressTracker();
        trainer.addListener(where);
        boolean tty = !noProgress && StderrTerminal.isTerminal();
        // Ctrl-C stops the run between batches; the line below says where, and the exit code is the shell's 130.
        AutoCloseable interrupt = CtrlC.onInterrupt(trainer::stop);
        RunLog log = new RunLog();
        trainer.addListener(log);
        try (ComputePool pool = new ComputePool(); ProgressBar bar = tty ? progressBar() : null) {
            if (bar != null) trainer.addListener(progressListener(bar));
            else if (!noProgress) trainer.addListener(new PlainProgress(err, file.toString()));
            if (split.hasValidation()) trainer.addListener(validationListener(err));
            end = trainer.start(pool.executor(), false).get();
        } catch (ExecutionException e) {
            err.println("layerlab: " + file + ": training failed: " + CliFailures.oneLine(String.valueOf(e.getCause().getMessage())));
            err.flush();
            return LayerLabCli.EXIT_RUN_FAILED;
        } finally {
            try { interrupt.close(); } catch (Exception ignored) { /* restoring the default handler */ }
        }
        if (CtrlC.interrupted() && end.reason() == EndReason.STOPPED) {
            err.println("layerlab: " + TEXT.get("interrupted", file, end.step(), Math.max(1, end.epoch()), run.epochs()));
            err.flush();
            return LayerLabCli.EXIT_INTERRUPTED;
        }
        if (outFile != null) {
            int saved = save(bundle, trainer, end, log, split.train().classNames(), err);
            if (saved != 0) return saved;
        }
        if (end.reason() == EndReason.DIVERGED || end.reason() == EndReason.FAILED) {
            err.println("layerlab: " + file + ": " + CliFailures.oneLine(end.message()));
            err.flush();
            return LayerLabCli.EXIT_RUN_FAILED;
        }
        Map<String, Double> metrics = new LinkedHashMap<>(Evaluation.evaluate(net, trainer.loss(), split.train(), ""));
        if (split.hasValidation()) metrics.putAll(Evaluation.evaluate(net, trainer.loss(), split.validation(), "val_"));
        if (split.hasTest()) metrics.putAll(Evaluation.evaluate(net, trainer.loss(), split.test(), "test_"));
        // The final evaluation is a last guard: a run never ends with NaN printed and exit 0.
        for (Map.Entry<String, Double> m : metrics.entrySet()) {
            if (!m.getKey().endsWith("accuracy") && !Double.isFinite(m.getValue())) {
                err.println("layerlab: " + file + ": the final " + m.getKey() + " is " + m.getValue() + " at step " + end.step()
                        + " (epoch " + end.epoch() + "): the run diverged — lower the learning rate or turn on gradient clipping");
                err.flush();
                return LayerLabCli.EXIT_RUN_FAILED;
            }
        }
        metrics.forEach((k, v) -> out.printf(Locale.ROOT, "%-14s %.4f%n", k, v));
        out.printf(Locale.ROOT, "%-14s %d%n%-14s %d%n%-14s %.1f%n", "epochs", end.epoch(), "steps", end.step(),
                "seconds", (System.nanoTime() - t0) / 1e9);
        out.flush();
        return 0;
    }

    /** Writes {@link #outFile}: the project as read, plus this run with the weights it kept (the last good ones). */
    private int save(ProjectBundle bundle, Trainer trainer, RunEnded end, RunLog log, List<String> classes, PrintWriter err) {
        Project p = bundle.project();
        int id = p.runs().stream().mapToInt(RunHistory::id).max().orElse(0) + 1;
        RunHistory run = log.history(id, "Run " + id, end, org.layerlab.app.ui.TrainingSession.runInfo(p.withTraining(trainer.config())).settings());
        List<RunHistory> runs = new java.util.ArrayList<>(p.runs());
        runs.add(run);
        // The data's file names, read relative to the project's folder, still name the same files from the new one.
        var dataset = p.dataset().withFilesResolvedAgainst(file.toAbsolutePath().getParent())
                .withFilesRelativeTo(outFile.toAbsolutePath().getParent());
        ProjectBundle b = bundle.withProject(p.withRuns(runs).withDataset(dataset));
        var weights = RunWeights.capture(trainer, end, classes);
        if (weights.isPresent()) b = b.withWeights(id, weights.get());
        try {
            ProjectArchive.write(b, outFile);
            return 0;
        } catch (ProjectFileException e) {
            err.println("layerlab: " + e.getMessage());
            err.flush();
            return LayerLabCli.EXIT_RUN_FAILED;
        }
    }

    /** Remembers the last step and epoch seen (for the Ctrl-C line). */
    private static final class ProgressTracker implements TrainingListener {
        volatile long step;
        volatile int epoch;
        @Override public void batchEnded(BatchEnd e) { step = e.step(); epoch = e.epoch(); }
    }

    /**
     * Progress for a log rather than a terminal: a plain line at every tenth of the run and at least every 30 seconds,
     * never a bar that a file or pipe would show as one endless cut-off line.
     */
    static final class PlainProgress implements TrainingListener {
        private static final long EVERY_NANOS = 30_000_000_000L;
        private final PrintWriter err;
        private final String source;
        private long total, lastTenth = 0, lastNanos;
        private int epochs;

        PlainProgress(PrintWriter err, String source) {
            this.err = err;
            this.source = source;
        }

        @Override public void runStarted(RunStarted e) {
            total = Math.max(1, (long) e.epochs() * e.stepsPerEpoch());
            epochs = e.epochs();
            lastNanos = System.nanoTime();
            err.println("layerlab: " + TEXT.get("started", source, e.epochs(), e.stepsPerEpoch(), e.trainSamples()));
            err.flush();
        }

        @Override public void batchEnded(BatchEnd e) {
            long tenth = e.step() * 10 / total;
            long now = System.nanoTime();
            if (tenth > lastTenth || now - lastNanos >= EVERY_NANOS) {
                lastTenth = tenth;
                lastNanos = now;
                err.println("layerlab: " + TEXT.get("progress", e.epoch(), epochs, e.step(), total, e.step() * 100 / total,
                        String.format(Locale.ROOT, "%.4f", e.loss())));
                err.flush();
            }
        }
    }

    private int badInput(PrintWriter err, String problem) {
        err.println("layerlab: " + file + ": " + CliFailures.oneLine(problem));
        err.flush();
        return LayerLabCli.EXIT_BAD_INPUT;
    }

    /** One line per epoch with the validation metrics, on the error stream (the output keeps only the final metrics). */
    private static TrainingListener validationListener(PrintWriter err) {
        return new TrainingListener() {
            @Override public void epochEnded(EpochEnd e) {
                StringBuilder sb = new StringBuilder("epoch ").append(e.epoch());
                e.metrics().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %s %.4f", k, v)));
                err.println(sb);
                err.flush();
            }
        };
    }

    private static ProgressBar progressBar() {
        return new ProgressBarBuilder().setTaskName("Training").setInitialMax(1).setUpdateIntervalMillis(200)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUnit(" steps", 1).build();
    }

    private static TrainingListener progressListener(ProgressBar bar) {
        return new TrainingListener() {
            @Override public void runStarted(RunStarted e) { bar.maxHint((long) e.epochs() * e.stepsPerEpoch()); }
            @Override public void batchEnded(BatchEnd e) {
                bar.stepTo(e.step());
                bar.setExtraMessage(String.format(Locale.ROOT, "  epoch %d, loss %.4f", e.epoch(), e.loss()));
            }
        };
    }
}
