package org.layerlab.compute.nn;

import java.util.List;
import org.layerlab.compute.catalog.Catalog;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.catalog.Params;

/** The learning-rate schedule catalog. Epoch-based ones change the rate at epoch boundaries, as PyTorch's StepLR/ExponentialLR. */
public final class Schedules {
    private Schedules() {}

    private interface Rule { double factor(Params p, long step, int stepsPerEpoch, long totalSteps); }

    public static final Schedule CONSTANT = declare("constant", "Constant", "The same learning rate from start to end.",
            List.of(), (p, s, e, t) -> 1.0);

    public static final Schedule STEP = declare("step", "Step decay",
            "Multiplies the learning rate by a factor every few epochs.",
            List.of(ParamSpec.integer("stepEpochs", "Every (epochs)", 10, 1, 100_000, "How many epochs between reductions."),
                    ParamSpec.real("gamma", "Factor", 0.1, 0.0, 1.0, "What the rate is multiplied by at each reduction.")),
            (p, s, e, t) -> Math.pow(p.getDouble("gamma"), (s / e) / p.getInt("stepEpochs")));

    public static final Schedule EXPONENTIAL = declare("exponential", "Exponential decay",
            "Multiplies the learning rate by the same factor after every epoch.",
            List.of(ParamSpec.real("gamma", "Factor per epoch", 0.95, 0.0, 1.0, "What the rate is multiplied by after each epoch.")),
            (p, s, e, t) -> Math.pow(p.getDouble("gamma"), s / e));

    public static final Schedule COSINE = declare("cosine", "Cosine",
            "Lowers the learning rate along half a cosine wave, from the full rate to a minimum at the end of the run.",
            List.of(ParamSpec.real("minFactor", "Minimum", 0.0, 0.0, 1.0, "The final rate as a fraction of the starting rate.")),
            (p, s, e, t) -> {
                double min = p.getDouble("minFactor");
                return min + (1 - min) * 0.5 * (1 + Math.cos(Math.PI * Math.min(1.0, (double) s / Math.max(1, t))));
            });

    public static final Schedule WARMUP = declare("linear-warmup", "Linear warm-up",
            "Raises the learning rate in a straight line from near zero over the first steps, then keeps it; steadies early training.",
            List.of(ParamSpec.integer("warmupSteps", "Warm-up steps", 100, 1, 10_000_000, "How many steps the rise takes.")),
            (p, s, e, t) -> Math.min(1.0, (s + 1.0) / p.getInt("warmupSteps")));

    public static final Catalog<Schedule> CATALOG = new Catalog<>("learning-rate schedule", CONSTANT, STEP, EXPONENTIAL, COSINE, WARMUP);

    private static Schedule declare(String id, String name, String description, List<ParamSpec> params, Rule rule) {
        List<ParamSpec> fixed = List.copyOf(params);
        return new Schedule() {
            public double factor(Params p, long step, int stepsPerEpoch, long totalSteps) { return rule.factor(p, step, stepsPerEpoch, totalSteps); }
            public String id() { return id; }
            public String displayName() { return name; }
            public String description() { return description; }
            public List<ParamSpec> params() { return fixed; }
        };
    }
}
