package org.layerlab.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.layerlab.app.ui.ProjectDocumentModel;
import org.layerlab.compute.export.TrainedModel;
import org.layerlab.compute.project.Project;
import org.layerlab.compute.project.ProjectBundle;
import org.layerlab.compute.project.RunHistory;
import org.layerlab.compute.project.RunWeights;

/** A project made from an imported model: its graph, and one run ("Imported") that carries its weights. */
public final class ImportedProject {
    private ImportedProject() {}

    public static ProjectBundle of(TrainedModel model, Path from) {
        String name = from.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        Project base = ProjectDocumentModel.defaultProject();
        RunHistory run = new RunHistory(1, ModelSource.TEXT.get("importedRun", from.getFileName()), "completed",
                ModelSource.TEXT.get("importedMessage", from.getFileName()), true, 0, Map.of(), null, null, Double.NaN, Map.of());
        Project p = new Project(name, "", model.graph(), base.dataset(), base.training(), List.of(run));
        return ProjectBundle.of(p).withWeights(1, RunWeights.of(model));
    }
}
