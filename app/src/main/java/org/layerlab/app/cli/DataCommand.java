package org.layerlab.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.layerlab.compute.data.ColumnStats;
import org.layerlab.compute.data.CsvSource;
import org.layerlab.compute.data.CsvTable;
import org.layerlab.compute.data.DataContext;
import org.layerlab.compute.data.DataException;
import org.layerlab.compute.data.DataFiles;
import org.layerlab.compute.data.DataSources;
import org.layerlab.compute.data.Dataset;
import org.layerlab.compute.text.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code layerlab data FILE}: describes a CSV/TSV table, an IDX pair or an image folder without training: rows or
 * images, columns or image size, the label and its classes with counts, per-column statistics. A bad file exits 2
 * with one line naming the file and the place.
 */
@Command(name = "data", mixinStandardHelpOptions = true)
final class DataCommand implements Callable<Integer> {
    private static final Messages TEXT = Messages.of("org.layerlab.app.i18n.datacli", DataCommand.class);

    @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "data.file")
    Path file;

    @Option(names = "--labels", paramLabel = "FILE", descriptionKey = "data.labels")
    Path labels;

    @Option(names = "--label", paramLabel = "COLUMN", descriptionKey = "data.label")
    String label;

    @Spec CommandSpec spec;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        try {
            DataFiles.Choice choice = DataFiles.choose(file, labels, label);
            DataContext ctx = DataContext.of(null);
            if (choice.source() == DataSources.CSV) {
                CsvTable t = CsvSource.table(choice.settings(), ctx);
                Dataset d = CsvSource.toDataset(t, choice.settings(), ctx);
                out.println(TEXT.get("table", file, t.rowCount(), t.columns().size(), CsvTable.delimiterName(t.delimiter()),
                        t.hasHeader() ? 1 : 0));
                describeLabel(out, d, label == null ? t.columns().get(t.columns().size() - 1) : label);
                columns(out, ColumnStats.all(t));
            } else {
                Dataset d = choice.source().load(choice.settings(), ctx).data();
                String size = String.join("×", java.util.Arrays.stream(d.sampleShape().dims()).mapToObj(String::valueOf).toList());
                out.println(TEXT.get(choice.source() == DataSources.IDX ? "idx" : "folder", file, d.size(), size));
                describeLabel(out, d, labels == null ? TEXT.get("folders") : labels.toString());
                float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
                double sum = 0;
                int count = d.features().shape().size(); // read where stored: images stay 8-bit, no float copy
                for (int i = 0; i < count; i++) { float v = d.features().value(i); min = Math.min(min, v); max = Math.max(max, v); sum += v; }
                out.println(TEXT.get("pixels", fmt(min), fmt(max), fmt(sum / Math.max(1, count))));
            }
            out.flush();
            return 0;
        } catch (DataException e) {
            err.println("layerlab: " + e.getMessage());
            err.flush();
            return LayerLabCli.EXIT_BAD_INPUT;
        }
    }

    private static void describeLabel(PrintWriter out, Dataset d, String name) {
        if (d.isRegression()) {
            float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
            double sum = 0;
            for (float v : d.targets()) { min = Math.min(min, v); max = Math.max(max, v); sum += v; }
            out.println(TEXT.get("regression", name, fmt(min), fmt(max), fmt(sum / d.targets().length)));
            return;
        }
        out.println(TEXT.get("classes", name, d.numClasses()));
        int[] counts = d.classCounts();
        int width = d.classNames().stream().mapToInt(String::length).max().orElse(1);
        for (int c = 0; c < counts.length; c++) out.printf(Locale.ROOT, "  %-" + width + "s  %d%n", d.classNames().get(c), counts[c]);
    }

    private static void columns(PrintWriter out, List<ColumnStats> stats) {
        int width = Math.max(6, stats.stream().mapToInt(s -> s.name().length()).max().orElse(6));
        String row = "%-" + width + "s  %-16s  %10s  %10s  %10s  %7s%n";
        out.printf(Locale.ROOT, row, TEXT.get("col.name"), TEXT.get("col.kind"), TEXT.get("col.min"), TEXT.get("col.max"), TEXT.get("col.mean"), TEXT.get("col.missing"));
        for (ColumnStats s : stats) {
            boolean num = s.numeric();
            out.printf(Locale.ROOT, row, s.name(), num ? TEXT.get("kind.number") : TEXT.get("kind.text", s.distinct()),
                    num ? fmt(s.min()) : "", num ? fmt(s.max()) : "", num ? fmt(s.mean()) : "", s.missing());
        }
    }

    private static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return Long.toString((long) v);
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", v)).stripTrailingZeros().toPlainString();
    }
}
