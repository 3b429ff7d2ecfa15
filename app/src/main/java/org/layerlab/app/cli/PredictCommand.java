package org.layerlab.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.layerlab.compute.export.TrainedModel;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.project.AtomicFiles;
import org.layerlab.compute.project.ProjectFileException;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code layerlab predict}: runs a trained model on samples from a CSV file (one sample a row, features flattened in
 * C×H×W order) or an IDX images file (bytes scaled to 0–1) and writes CSV: each sample's raw outputs and, for
 * classification, the predicted class.
 */
@Command(name = "predict", mixinStandardHelpOptions = true)
final class PredictCommand implements Callable<Integer> {
    static final int BATCH = 256;

    @Parameters(index = "0", paramLabel = "<model>", descriptionKey = "predict.model")
    Path model;

    @Option(names = "--input", required = true, paramLabel = "FILE",
            descriptionKey = "predict.input")
    Path input;

    @Option(names = "--out", paramLabel = "FILE", descriptionKey = "predict.out")
    Path out;

    @Option(names = "--run", paramLabel = "NAME_OR_ID", descriptionKey = "predict.run")
    String run;

    @Spec CommandSpec spec;

    @Override public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        try {
            TrainedModel m = ModelSource.load(model, run).model();
            CompiledNetwork net = m.compile();
            Shape in = net.inputShape();
            float[][] samples = read(input, in);
            String csv = predict(net, m.classNames(), samples);
            if (out == null) {
                stdout.print(csv);
                stdout.flush();
            } else {
                AtomicFiles.write(out, csv.getBytes(StandardCharsets.UTF_8));
            }
            return 0;
        } catch (ProjectFileException | ModelSource.BadInput e) {
            return Cli.badInput(err, e.getMessage());
        }
    }

    static String predict(CompiledNetwork net, List<String> classes, float[][] samples) {
        int features = net.inputShape().size();
        int outputs = net.outputShape().size();
        boolean classify = !classes.isEmpty() || outputs > 1;
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < outputs; j++) sb.append(j == 0 ? "" : ",").append("output_").append(j);
        if (classify) sb.append(",predicted");
        sb.append('\n');
        for (int from = 0; from < samples.length; from += BATCH) {
            int n = Math.min(BATCH, samples.length - from);
            float[] x = new float[n * features];
            for (int i = 0; i < n; i++) System.arraycopy(samples[from + i], 0, x, i * features, features);
            Tensor y = net.predict(new Tensor(net.inputShape().withBatch(n), x));
            float[] d = y.data();
            for (int i = 0; i < n; i++) {
                int best = 0;
                for (int j = 0; j < outputs; j++) {
                    float v = d[i * outputs + j];
                    sb.append(j == 0 ? "" : ",").append(v);
                    if (v > d[i * outputs + best]) best = j;
                }
                if (classify) sb.append(',').append(best < classes.size() ? csvField(classes.get(best)) : Integer.toString(best));
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static String csvField(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** The samples of a CSV or IDX file, each with {@code in.size()} features; problems name the file and row. */
    static float[][] read(Path file, Shape in) throws ModelSource.BadInput {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ModelSource.BadInput(ModelSource.TEXT.get("inputNotFound", file));
        } catch (IOException e) {
            throw new ModelSource.BadInput(ModelSource.TEXT.get("inputUnreadable", file, e.getMessage()));
        }
        return isIdx(bytes) ? idx(bytes, file, in) : csv(new String(bytes, StandardCharsets.UTF_8), file, in);
    }

    private static boolean isIdx(byte[] b) {
        return b.length >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xff) == 0x08 && b[3] >= 1 && b[3] <= 4;
    }

    private static float[][] idx(byte[] bytes, Path file, Shape in) throws ModelSource.BadInput {
        int rank = bytes[3];
        if (bytes.length < 4 + 4 * rank) throw new ModelSource.BadInput(ModelSource.TEXT.get("idxShort", file));
        ByteBuffer b = ByteBuffer.wrap(bytes);
        long count = Integer.toUnsignedLong(b.getInt(4)), per = 1;
        for (int i = 1; i < rank; i++) per *= Integer.toUnsignedLong(b.getInt(4 + 4 * i));
        if (per != in.size()) throw new ModelSource.BadInput(ModelSource.TEXT.get("idxSize", file, per, in.size(), shape(in)));
        long need = 4 + 4L * rank + count * per;
        if (need != bytes.length) throw new ModelSource.BadInput(ModelSource.TEXT.get("idxLength", file, count, per, bytes.length));
        float[][] out = new float[(int) count][(int) per];
        int at = 4 + 4 * rank;
        for (float[] s : out) for (int j = 0; j < per; j++) s[j] = (bytes[at++] & 0xff) / 255f;
        return out;
    }

    private static float[][] csv(String text, Path file, Shape in) throws ModelSource.BadInput {
        List<float[]> rows = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int li = 0; li < lines.length; li++) {
            String line = lines[li].strip();
            if (line.isEmpty()) continue;
            String[] fields = line.split(",", -1);
            if (rows.isEmpty() && li == firstNonBlank(lines) && allNonNumeric(fields)) continue; // a header row
            if (fields.length != in.size()) {
                throw new ModelSource.BadInput(ModelSource.TEXT.get("rowCount", file, li + 1, fields.length, in.size(), shape(in)));
            }
            float[] v = new float[fields.length];
            for (int j = 0; j < fields.length; j++) {
                try {
                    v[j] = Float.parseFloat(fields[j].strip());
                } catch (NumberFormatException e) {
                    throw new ModelSource.BadInput(ModelSource.TEXT.get("rowValue", file, li + 1, j + 1, fields[j].strip()));
                }
                if (!Float.isFinite(v[j])) throw new ModelSource.BadInput(ModelSource.TEXT.get("rowValue", file, li + 1, j + 1, fields[j].strip()));
            }
            rows.add(v);
        }
        if (rows.isEmpty()) throw new ModelSource.BadInput(ModelSource.TEXT.get("noSamples", file));
        return rows.toArray(new float[0][]);
    }

    private static int firstNonBlank(String[] lines) {
        for (int i = 0; i < lines.length; i++) if (!lines[i].isBlank()) return i;
        return -1;
    }

    private static boolean allNonNumeric(String[] fields) {
        for (String f : fields) {
            try { Float.parseFloat(f.strip()); return false; } catch (NumberFormatException e) { /* a name */ }
        }
        return true;
    }

    private static String shape(Shape s) { return InfoCommand.shape(s.dims()); }

}
