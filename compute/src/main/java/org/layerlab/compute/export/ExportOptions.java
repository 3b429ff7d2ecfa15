package org.layerlab.compute.export;

import java.util.Objects;
import java.util.Optional;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.project.Project;

/**
 * What an export may use besides the trained model: the project it came from (data source, loss, optimizer and
 * schedule, for formats that write training code or fold the data's normalisation in), the run's name, and the
 * format's own declared settings ({@link ModelFormat#params()}). Immutable; the withers return copies, so new
 * options can be added without breaking callers.
 */
public final class ExportOptions {
    private final Project project;
    private final String runName;
    private final Params settings;
    private final FeatureScaling normalization;

    private ExportOptions(Project project, String runName, Params settings, FeatureScaling normalization) {
        this.project = project;
        this.runName = runName;
        this.settings = settings;
        this.normalization = normalization;
    }

    /** No project, no run name, every setting at its default. */
    public static ExportOptions defaults() { return new ExportOptions(null, "", null, null); }

    public ExportOptions withProject(Project p) { return new ExportOptions(Objects.requireNonNull(p), runName, settings, normalization); }
    public ExportOptions withRunName(String name) { return new ExportOptions(project, Objects.requireNonNull(name), settings, normalization); }
    /** The format's settings, checked against its {@link ModelFormat#params()}. */
    public ExportOptions withSettings(Params s) { return new ExportOptions(project, runName, Objects.requireNonNull(s), normalization); }
    /** The data set's normalisation, which formats that can (ONNX) fold in front so the model takes raw features. */
    public ExportOptions withNormalization(FeatureScaling n) { return new ExportOptions(project, runName, settings, Objects.requireNonNull(n)); }

    public Optional<FeatureScaling> normalization() { return Optional.ofNullable(normalization); }

    public Optional<Project> project() { return Optional.ofNullable(project); }
    public String runName() { return runName; }

    /** The settings given, or {@code format}'s defaults when none were. */
    public Params settings(ModelFormat format) { return settings != null ? settings : format.defaultParams(); }
}
