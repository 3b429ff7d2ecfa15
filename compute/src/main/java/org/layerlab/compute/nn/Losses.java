package org.layerlab.compute.nn;

import org.layerlab.compute.catalog.CatalogText;
import org.layerlab.compute.autodiff.Ops;
import org.layerlab.compute.autodiff.Var;
import java.util.List;
import org.layerlab.compute.catalog.Catalog;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.data.Batch;
import org.layerlab.compute.tensor.Tensor;
import org.layerlab.compute.tensor.Workspace;

/** The loss catalog. Classification losses take raw scores (logits): the stable forms need them. */
public final class Losses {
    private Losses() {}

    public static final Loss SOFTMAX_CROSS_ENTROPY = new Loss() {
        public Var compute(Var output, Batch b) { return Ops.softmaxCrossEntropy(output, requireLabels(b, id())); }
        public boolean classification() { return true; }
        public int[] predictClasses(Tensor output) { return argmaxRows(output); }
        public float[] classProbabilities(Tensor output) { return softmaxRows(output); }
        public String id() { return "softmax-cross-entropy"; }
        public String displayName() { return CatalogText.name("loss", id()); }
        public String description() { return CatalogText.description("loss", id()); }
    };

    public static final Loss BINARY_CROSS_ENTROPY = new Loss() {
        public Var compute(Var output, Batch b) {
            int[] labels = requireLabels(b, id());
            float[] t = Workspace.floatsUninitialised(labels.length);
            for (int i = 0; i < t.length; i++) t[i] = labels[i];
            return Ops.sigmoidBinaryCrossEntropy(output, t);
        }
        public boolean classification() { return true; }
        public int[] predictClasses(Tensor output) {
            int[] c = new int[output.dim(0)];
            for (int i = 0; i < c.length; i++) c[i] = output.get(i) > 0 ? 1 : 0;
            return c;
        }
        /** Two values per row: 1 − σ(score) for class 0, σ(score) for class 1. */
        public float[] classProbabilities(Tensor output) {
            int n = output.dim(0);
            float[] p = new float[2 * n];
            for (int i = 0; i < n; i++) {
                float one = (float) (1 / (1 + Math.exp(-output.get(i))));
                p[2 * i] = 1 - one;
                p[2 * i + 1] = one;
            }
            return p;
        }
        public String id() { return "binary-cross-entropy"; }
        public String displayName() { return CatalogText.name("loss", id()); }
        public String description() { return CatalogText.description("loss", id()); }
    };

    public static final Loss MEAN_SQUARED_ERROR = new Loss() {
        public Var compute(Var output, Batch b) {
            if (b.targets() == null) throw new IllegalArgumentException("mean squared error needs numeric targets");
            return Ops.meanSquaredError(output, b.targets());
        }
        public boolean classification() { return false; }
        public String id() { return "mse"; }
        public String displayName() { return CatalogText.name("loss", id()); }
        public String description() { return CatalogText.description("loss", id()); }
    };

    public static final Loss MEAN_ABSOLUTE_ERROR = new Loss() {
        public Var compute(Var output, Batch b) { return Ops.meanAbsoluteError(output, requireTargets(b, id())); }
        public boolean classification() { return false; }
        public String id() { return "mae"; }
        public String displayName() { return CatalogText.name("loss", id()); }
        public String description() { return CatalogText.description("loss", id()); }
    };

    /** Huber with δ = 1 (PyTorch's default); the Output layer sets another δ through {@link Loss#configured}. */
    public static final Loss HUBER = huber(1.0);

    /** Huber loss switching from squared to absolute error at {@code delta}. */
    public static Loss huber(double delta) {
        return new Loss() {
            public Var compute(Var output, Batch b) { return Ops.huber(output, requireTargets(b, id()), (float) delta); }
            public boolean classification() { return false; }
            public String id() { return "huber"; }
            public String displayName() { return CatalogText.name("loss", id()); }
            public String description() { return CatalogText.description("loss", id()); }
            public List<ParamSpec> params() {
                return List.of(CatalogText.of("loss.huber").real("delta", delta, 1e-6, 1e6));
            }
            public Loss configured(Params settings) { return huber(settings.getDouble("delta")); }
        };
    }

    public static final Catalog<Loss> CATALOG = new Catalog<>("loss",
            SOFTMAX_CROSS_ENTROPY, BINARY_CROSS_ENTROPY, MEAN_SQUARED_ERROR, MEAN_ABSOLUTE_ERROR, HUBER);

    static int[] argmaxRows(Tensor output) {
        int n = output.dim(0), c = output.size() / n;
        float[] d = output.data();
        int[] out = Workspace.intsUninitialised(n);
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int j = 1; j < c; j++) if (d[i * c + j] > d[i * c + best]) best = j;
            out[i] = best;
        }
        return out;
    }

    /** Row-wise softmax of raw scores, shifted by each row's maximum so large scores do not overflow. */
    static float[] softmaxRows(Tensor output) {
        int n = output.dim(0), c = output.size() / n;
        float[] d = output.data(), p = new float[d.length];
        for (int i = 0; i < n; i++) {
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < c; j++) max = Math.max(max, d[i * c + j]);
            double sum = 0;
            for (int j = 0; j < c; j++) sum += p[i * c + j] = (float) Math.exp(d[i * c + j] - max);
            for (int j = 0; j < c; j++) p[i * c + j] /= (float) sum;
        }
        return p;
    }

    private static float[] requireTargets(Batch b, String loss) {
        if (b.targets() == null) throw new IllegalArgumentException(loss + " needs numeric targets, and the data set has none");
        return b.targets();
    }

    private static int[] requireLabels(Batch b, String loss) {
        if (b.labels() == null) throw new IllegalArgumentException(loss + " needs class labels, and the data set has none");
        return b.labels();
    }
}
