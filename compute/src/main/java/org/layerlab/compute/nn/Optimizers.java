package org.layerlab.compute.nn;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.layerlab.compute.catalog.Catalog;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.layers.Parameter;

/** The optimizer catalog. */
public final class Optimizers {
    private Optimizers() {}

    private static final ParamSpec LEARNING_RATE = ParamSpec.real("learningRate", "Learning rate", 0.01, 1e-7, 10,
            "How big a step each update takes; too big diverges, too small crawls.");

    public static final OptimizerType SGD = new OptimizerType() {
        public String id() { return "sgd"; }
        public String displayName() { return "SGD"; }
        public String description() { return "Plain gradient descent, optionally with momentum that smooths the direction of travel."; }
        public List<ParamSpec> params() {
            return List.of(LEARNING_RATE, ParamSpec.real("momentum", "Momentum", 0.0, 0.0, 0.999,
                    "Fraction of the previous step carried into the next."));
        }
        public Optimizer create(Params p) {
            float lr = (float) p.getDouble("learningRate"), mu = (float) p.getDouble("momentum");
            Map<Parameter, float[]> velocity = new IdentityHashMap<>();
            return params -> {
                for (Parameter param : params) {
                    float[] w = param.value().data(), g = param.grad().data();
                    if (mu == 0f) {
                        for (int i = 0; i < w.length; i++) w[i] -= lr * g[i];
                        continue;
                    }
                    float[] v = velocity.computeIfAbsent(param, k -> new float[w.length]);
                    for (int i = 0; i < w.length; i++) { v[i] = mu * v[i] + g[i]; w[i] -= lr * v[i]; }
                }
            };
        }
    };

    public static final OptimizerType ADAM = new OptimizerType() {
        public String id() { return "adam"; }
        public String displayName() { return "Adam"; }
        public String description() { return "Adapts the step size per weight from running averages of the gradient; a robust default."; }
        public List<ParamSpec> params() {
            return List.of(LEARNING_RATE.withDefault(0.001),
                    ParamSpec.real("beta1", "β₁", 0.9, 0.0, 0.9999, "Decay of the running mean of gradients."),
                    ParamSpec.real("beta2", "β₂", 0.999, 0.0, 0.99999, "Decay of the running mean of squared gradients."),
                    ParamSpec.real("epsilon", "ε", 1e-8, 0.0, 1.0, "Guards the division when gradients are tiny."));
        }
        public Optimizer create(Params p) {
            float lr = (float) p.getDouble("learningRate");
            float b1 = (float) p.getDouble("beta1"), b2 = (float) p.getDouble("beta2"), eps = (float) p.getDouble("epsilon");
            Map<Parameter, float[][]> moments = new IdentityHashMap<>();
            int[] t = {0};
            return params -> {
                t[0]++;
                float c1 = 1f - (float) Math.pow(b1, t[0]), c2 = 1f - (float) Math.pow(b2, t[0]);
                for (Parameter param : params) {
                    float[] w = param.value().data(), g = param.grad().data();
                    float[][] mv = moments.computeIfAbsent(param, k -> new float[][] {new float[w.length], new float[w.length]});
                    float[] m = mv[0], v = mv[1];
                    for (int i = 0; i < w.length; i++) {
                        m[i] = b1 * m[i] + (1 - b1) * g[i];
                        v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                        w[i] -= lr * (m[i] / c1) / ((float) Math.sqrt(v[i] / c2) + eps);
                    }
                }
            };
        }
    };

    public static final Catalog<OptimizerType> CATALOG = new Catalog<>("optimizer", SGD, ADAM);
}
