package org.layerlab.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.layerlab.compute.graph.GraphAnalysis;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.Node;
import org.layerlab.compute.graph.NodeInfo;
import org.layerlab.compute.graph.ShapeInference;
import org.layerlab.compute.project.ProjectBundle;
import org.layerlab.compute.project.ProjectFileException;
import org.layerlab.compute.project.RunHistory;
import org.layerlab.compute.project.RunWeights;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code layerlab info}: the summary table of a project's or model file's network, and its runs. */
@Command(name = "info", mixinStandardHelpOptions = true)
final class InfoCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "<file>", descriptionKey = "info.file")
    Path file;

    @Spec CommandSpec spec;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        ProjectBundle b;
        try {
            b = ModelSource.readProjectOrModel(file);
        } catch (ProjectFileException e) {
            return Cli.badInput(err, e.getMessage());
        }
        var t = ModelSource.TEXT;
        out.println(t.get("infoProject", b.project().name(), file.getFileName()));
        ModelGraph g = b.project().graph();
        GraphAnalysis a = ShapeInference.analyze(g);
        String row = "%-20s %-22s %-16s %14s %16s%n";
        out.printf(Locale.ROOT, row, t.get("colLayer"), t.get("colType"), t.get("colShape"), t.get("colParams"), t.get("colFlops"));
        for (Node n : g.topologicalOrder()) {
            NodeInfo i = a.info(n.id());
            String shape = i == null || i.outputShape() == null ? "?" : shape(i.outputShape().dims());
            out.printf(Locale.ROOT, row, n.name(), n.type(), shape, i == null ? "?" : String.format(Locale.ROOT, "%,d", i.parameterCount()),
                    i == null ? "?" : String.format(Locale.ROOT, "%,d", i.flops()));
        }
        out.printf(Locale.ROOT, row, t.get("total"), "", "", String.format(Locale.ROOT, "%,d", a.totalParameters()),
                String.format(Locale.ROOT, "%,d", a.totalFlops()));
        for (String problem : a.errors()) out.println(t.get("problem", problem));
        out.println();
        if (b.project().runs().isEmpty()) {
            out.println(t.get("noRuns"));
        } else {
            String runRow = "%4s  %-24s %-10s %s%n";
            out.printf(Locale.ROOT, runRow, t.get("colId"), t.get("colRun"), t.get("colStatus"), t.get("colWeights"));
            for (RunHistory r : b.project().runs()) {
                RunWeights w = b.weightsOf(r.id()).orElse(null);
                String weights = w == null ? t.get("weightsNone") : w.best() != null ? t.get("weightsFinalAndBest") : t.get("weightsFinal");
                out.printf(Locale.ROOT, runRow, r.id(), r.name(), r.status(), weights);
            }
        }
        out.flush();
        return 0;
    }

    static String shape(int[] dims) {
        StringBuilder sb = new StringBuilder();
        for (int d : dims) sb.append(sb.length() == 0 ? "" : "×").append(d);
        return sb.toString();
    }
}
