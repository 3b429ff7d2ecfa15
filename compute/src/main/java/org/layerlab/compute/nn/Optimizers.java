package org.layerlab.compute.nn;

import org.layerlab.compute.catalog.CatalogText;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.layerlab.compute.catalog.Catalog;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.catalog.Params;

/**
 * The optimizer catalog. Update rules follow PyTorch's (torch.optim) so results can be compared step by step.
 * Every optimizer also takes L1/L2 penalties; gradient clipping and schedules are training settings.
 */
public final class Optimizers {
    private Optimizers() {}

    private static final ParamSpec LEARNING_RATE = CatalogText.of("optimizer").real("learningRate", 0.01, 1e-7, 10);
    private static final ParamSpec L1 = CatalogText.of("optimizer").real("l1", 0.0, 0.0, 1.0);
    private static final ParamSpec L2 = CatalogText.of("optimizer").real("l2", 0.0, 0.0, 1.0);
    private static final ParamSpec EPSILON = CatalogText.of("optimizer").real("epsilon", 1e-8, 0.0, 1.0);

    public static final OptimizerType SGD = declare("sgd", List.of(LEARNING_RATE,
                    CatalogText.of("optimizer").real("momentum", 0.0, 0.0, 0.999),
                    CatalogText.of("optimizer").bool("nesterov", false)),
            p -> new SlotOptimizer(p, 1) {
                final float mu = (float) p.getDouble("momentum");
                final boolean nesterov = p.getBoolean("nesterov");
                @Override protected void update(float[] w, float[] g, float[][] s, float lr, int from, int to) {
                    if (mu == 0f) {
                        for (int i = from; i < to; i++) w[i] -= lr * g[i];
                        return;
                    }
                    float[] v = s[0];
                    boolean first = t == 1;
                    for (int i = from; i < to; i++) {
                        float gi = g[i], vi = first ? gi : mu * v[i] + gi;
                        v[i] = vi;
                        w[i] -= lr * (nesterov ? gi + mu * vi : vi);
                    }
                }
            });

    public static final OptimizerType ADAM = declare("adam", List.of(LEARNING_RATE.withDefault(0.001), beta1(), beta2(), EPSILON),
            p -> adam(p, 0f));

    public static final OptimizerType ADAMW = declare("adamw", List.of(LEARNING_RATE.withDefault(0.001), beta1(), beta2(), EPSILON,
                    CatalogText.of("optimizer").real("weightDecay", 0.01, 0.0, 1.0)),
            p -> adam(p, (float) p.getDouble("weightDecay")));

    public static final OptimizerType RMSPROP = declare("rmsprop", List.of(LEARNING_RATE.withDefault(0.001),
                    CatalogText.of("optimizer").real("rho", 0.99, 0.0, 0.99999), EPSILON),
            p -> new SlotOptimizer(p, 1) {
                final float rho = (float) p.getDouble("rho"), eps = (float) p.getDouble("epsilon");
                @Override protected void update(float[] w, float[] g, float[][] s, float lr, int from, int to) {
                    float[] v = s[0];
                    for (int i = from; i < to; i++) {
                        float gi = g[i], vi = rho * v[i] + (1 - rho) * gi * gi;
                        v[i] = vi;
                        w[i] -= lr * gi / ((float) Math.sqrt(vi) + eps);
                    }
                }
            });

    public static final OptimizerType ADAGRAD = declare("adagrad", List.of(LEARNING_RATE, CatalogText.of("optimizer").real("epsilon", 1e-10, 0.0, 1.0)),
            p -> new SlotOptimizer(p, 1) {
                final float eps = (float) p.getDouble("epsilon");
                @Override protected void update(float[] w, float[] g, float[][] s, float lr, int from, int to) {
                    float[] acc = s[0];
                    for (int i = from; i < to; i++) {
                        float gi = g[i], ai = acc[i] + gi * gi;
                        acc[i] = ai;
                        w[i] -= lr * gi / ((float) Math.sqrt(ai) + eps);
                    }
                }
            });

    public static final Catalog<OptimizerType> CATALOG = new Catalog<>("optimizer", SGD, ADAM, ADAMW, RMSPROP, ADAGRAD);

    private static ParamSpec beta1() { return CatalogText.of("optimizer").real("beta1", 0.9, 0.0, 0.9999); }

    private static ParamSpec beta2() { return CatalogText.of("optimizer").real("beta2", 0.999, 0.0, 0.99999); }

    /** Adam, or AdamW when {@code decoupledDecay} > 0 (the weight shrinks by lr·decay before the Adam step). */
    private static Optimizer adam(Params p, float decoupledDecay) {
        return new SlotOptimizer(p, 2) {
            final float b1 = (float) p.getDouble("beta1"), b2 = (float) p.getDouble("beta2"), eps = (float) p.getDouble("epsilon");
            @Override protected void update(float[] w, float[] g, float[][] s, float lr, int from, int to) {
                float[] m = s[0], v = s[1];
                float c1 = 1f - (float) Math.pow(b1, t), c2 = 1f - (float) Math.pow(b2, t);
                float step = lr / c1, sc2 = (float) (1 / Math.sqrt(c2)), decay = decoupledDecay != 0f ? 1f - lr * decoupledDecay : 1f;
                for (int i = from; i < to; i++) {
                    float gi = g[i];
                    float mi = m[i] * b1 + gi * (1 - b1);
                    float vi = v[i] * b2 + gi * (1 - b2) * gi;
                    m[i] = mi;
                    v[i] = vi;
                    w[i] = w[i] * decay - mi * step / ((float) Math.sqrt(vi) * sc2 + eps);
                }
            }
        };
    }

    private static OptimizerType declare(String id, List<ParamSpec> own,
                                         Function<Params, Optimizer> factory) {
        List<ParamSpec> all = new ArrayList<>(own);
        all.add(L1);
        all.add(L2);
        List<ParamSpec> params = List.copyOf(all);
        return new OptimizerType() {
            public String id() { return id; }
            public String displayName() { return CatalogText.name("optimizer", id); }
            public String description() { return CatalogText.description("optimizer", id); }
            public List<ParamSpec> params() { return params; }
            public Optimizer create(Params p) { return factory.apply(p); }
        };
    }
}
