package org.layerlab.compute.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.layerlab.compute.autodiff.Var;
import org.layerlab.compute.data.Batch;
import org.layerlab.compute.data.Dataset;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.layers.ForwardContext;
import org.layerlab.compute.nn.Loss;
import org.layerlab.compute.tensor.Tensor;
import org.layerlab.compute.tensor.Workspace;

/**
 * Inference-mode metrics of a network on a whole data set, in chunks to bound memory: loss, and accuracy for a
 * classification loss or RMSE and R² for a regression loss.
 */
public final class Evaluation {
    private Evaluation() {}

    private static final int CHUNK = 1024;

    /** Metric names (after "val_" or "test_") of a regression run. */
    public static final String RMSE = "rmse", R2 = "r2";

    public static Map<String, Double> evaluate(CompiledNetwork net, Loss loss, Dataset data, String prefix) {
        int n = data.size();
        int[] order = Dataset.identity(n);
        double lossSum = 0;
        long correct = 0;
        Metrics.RegressionSums regression = new Metrics.RegressionSums();
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            // No tape, and the network's inference buffers reused chunk after chunk (nothing here outlives the chunk).
            try (Workspace.Scope reuse = net.inferenceWorkspace().open()) {
                Batch b = data.batch(order, from, to);
                var out = Var.withoutTape(() -> net.forward(b.x(), ForwardContext.inference()));
                lossSum += Var.withoutTape(() -> loss.compute(out, b)).value().item() * (to - from);
                if (loss.classification()) correct += countCorrect(loss, out.value(), b.labels());
                else regression.add(out.value().data(), b.targets());
            }
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(prefix + "loss", lossSum / n);
        if (loss.classification()) m.put(prefix + "accuracy", (double) correct / n);
        else putRegression(m, prefix, regression);
        return m;
    }

    /** Adds RMSE and R² under their metric names ("rmse", "r2" after the prefix). */
    static void putRegression(Map<String, Double> metrics, String prefix, Metrics.RegressionSums sums) {
        metrics.put(prefix + RMSE, sums.rmse());
        metrics.put(prefix + R2, sums.r2());
    }

    /** A full classification report on a data set: confusion matrix, per-class and macro precision/recall/F1, top-k. */
    public record ClassificationReport(double accuracy, double topKAccuracy, int k, long[][] confusion, Metrics.ClassReport classes) {}

    public static ClassificationReport classification(CompiledNetwork net, Loss loss, Dataset data, int k) {
        int n = data.size(), classes = Math.max(2, data.numClasses());
        int[] order = Dataset.identity(n);
        long[][] confusion = new long[classes][classes];
        double topHits = 0;
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            Batch b = data.batch(order, from, to);
            Tensor out = net.forward(b.x(), ForwardContext.inference()).value();
            int[] predicted = loss.predictClasses(out);
            for (int i = 0; i < predicted.length; i++) confusion[b.labels()[i]][predicted[i]]++;
            if (out.size() / out.dim(0) > 1) topHits += Metrics.topKAccuracy(out, b.labels(), k) * (to - from);
        }
        long correct = 0;
        for (int c = 0; c < classes; c++) correct += confusion[c][c];
        return new ClassificationReport((double) correct / n, topHits / n, k, confusion, Metrics.classReport(confusion));
    }

    static int countCorrect(Loss loss, Tensor output, int[] labels) {
        int[] predicted = loss.predictClasses(output);
        int c = 0;
        for (int i = 0; i < predicted.length; i++) if (predicted[i] == labels[i]) c++;
        return c;
    }
}
