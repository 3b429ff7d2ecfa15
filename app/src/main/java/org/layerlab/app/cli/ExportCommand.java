package org.layerlab.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.layerlab.compute.export.ExportException;
import org.layerlab.compute.export.ExportOptions;
import org.layerlab.compute.export.ModelFormat;
import org.layerlab.compute.export.ModelFormats;
import org.layerlab.compute.project.ProjectFileException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code layerlab export}: writes a trained run in one of the {@link ModelFormats}. */
@Command(name = "export", mixinStandardHelpOptions = true)
final class ExportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "<project-file>", descriptionKey = "export.project-file")
    Path file;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", descriptionKey = "export.format",
            completionCandidates = FormatIds.class)
    String format;

    @Option(names = "--out", required = true, paramLabel = "PATH", descriptionKey = "export.out")
    Path out;

    @Option(names = "--run", paramLabel = "NAME_OR_ID", descriptionKey = "export.run")
    String run;

    @Spec CommandSpec spec;

    /** The catalog's ids, for the help text and completion. */
    static final class FormatIds implements Iterable<String> {
        @Override public java.util.Iterator<String> iterator() { return ModelFormats.CATALOG.ids().iterator(); }
    }

    @Override public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        ModelFormat f = ModelFormats.CATALOG.find(format).orElse(null);
        if (f == null) return Cli.badInput(err, ModelSource.TEXT.get("unknownFormat", format, String.join(", ", ModelFormats.CATALOG.ids())));
        try {
            ModelSource.Chosen c = ModelSource.load(file, run);
            f.write(c.model(), out, ExportOptions.defaults().withProject(c.bundle().project()).withRunName(c.run().name()));
            stdout.println(ModelSource.TEXT.get("exported", c.run().name(), f.displayName(), out));
            stdout.flush();
            return 0;
        } catch (ProjectFileException | ModelSource.BadInput e) {
            return Cli.badInput(err, e.getMessage());
        } catch (ExportException e) {
            return Cli.failed(err, e.getMessage());
        }
    }
}
