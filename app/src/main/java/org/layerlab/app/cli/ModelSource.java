package org.layerlab.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.layerlab.compute.export.ModelImport;
import org.layerlab.compute.export.ModelImports;
import org.layerlab.compute.export.TrainedModel;
import org.layerlab.compute.project.ProjectArchive;
import org.layerlab.compute.project.ProjectBundle;
import org.layerlab.compute.project.ProjectFileException;
import org.layerlab.compute.project.RunHistory;
import org.layerlab.compute.project.RunWeights;
import org.layerlab.compute.text.Messages;

/**
 * Where the commands that need a trained model get it: a project file's run (chosen by name or id, by default the
 * latest run with weights; its best checkpoint when it has one) or a model file an importer reads (.onnx).
 */
final class ModelSource {
    static final Messages TEXT = Messages.of("org.layerlab.app.i18n.modelcli", ModelSource.class);

    /** A model and what it came from. */
    record Chosen(TrainedModel model, ProjectBundle bundle, RunHistory run) {}

    private ModelSource() {}

    /** A problem to report with exit code 2. */
    static final class BadInput extends Exception {
        BadInput(String message) { super(message); }
    }

    static ProjectBundle readProjectOrModel(Path file) throws ProjectFileException {
        Optional<ModelImport> importer = ModelImports.forFile(file);
        if (importer.isPresent()) return ImportedProject.of(importer.get().read(file), file);
        return ProjectArchive.read(file);
    }

    /** The model of {@code file}'s run {@code runRef} (name or id; null for the latest run with weights). */
    static Chosen load(Path file, String runRef) throws ProjectFileException, BadInput {
        ProjectBundle b = readProjectOrModel(file);
        RunHistory run = chooseRun(b, runRef, file);
        RunWeights w = b.weightsOf(run.id()).orElseThrow();
        return new Chosen(w.preferred(), b, run);
    }

    static RunHistory chooseRun(ProjectBundle b, String runRef, Path file) throws BadInput {
        List<RunHistory> runs = b.project().runs();
        if (runRef == null) {
            for (int i = runs.size() - 1; i >= 0; i--) if (b.weightsOf(runs.get(i).id()).isPresent()) return runs.get(i);
            throw new BadInput(TEXT.get("trainFirst", file));
        }
        RunHistory found = runs.stream().filter(r -> r.name().equals(runRef) || Integer.toString(r.id()).equals(runRef))
                .findFirst().orElseThrow(() -> new BadInput(TEXT.get("noSuchRun", file, runRef,
                        String.join(", ", runs.stream().map(r -> r.id() + " \u201c" + r.name() + "\u201d").toList()))));
        if (b.weightsOf(found.id()).isEmpty()) throw new BadInput(TEXT.get("runWithoutWeights", file, found.name()));
        return found;
    }
}
