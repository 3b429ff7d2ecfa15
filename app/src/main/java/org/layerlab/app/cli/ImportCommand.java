package org.layerlab.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.layerlab.compute.export.ModelImport;
import org.layerlab.compute.export.ModelImports;
import org.layerlab.compute.project.ProjectArchive;
import org.layerlab.compute.project.ProjectBundle;
import org.layerlab.compute.project.ProjectFileException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code layerlab import}: makes a project from a model file (.onnx), its weights kept as run 1. */
@Command(name = "import", mixinStandardHelpOptions = true)
final class ImportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "<model-file>", descriptionKey = "import.model-file")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "PROJECT", descriptionKey = "import.out")
    Path out;

    @Spec CommandSpec spec;

    @Override public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        ModelImport importer = ModelImports.forFile(file).orElse(null);
        if (importer == null) {
            return Cli.badInput(err, ModelSource.TEXT.get("noImporter", file,
                    ModelImports.CATALOG.all().isEmpty() ? "–" : String.join(", ", ModelImports.CATALOG.all().stream().map(ModelImport::extension).toList())));
        }
        try {
            ProjectBundle b = ImportedProject.of(importer.read(file), file);
            ProjectArchive.write(b, out);
            stdout.println(ModelSource.TEXT.get("imported", file, out, b.project().graph().nodes().size()));
            stdout.flush();
            return 0;
        } catch (ProjectFileException e) {
            return Cli.badInput(err, e.getMessage());
        }
    }
}
