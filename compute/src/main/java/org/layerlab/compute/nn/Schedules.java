package org.layerlab.compute.nn;

import org.layerlab.compute.catalog.CatalogText;
import java.util.List;
import org.layerlab.compute.catalog.Catalog;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.catalog.Params;

/** The learning-rate schedule catalog. Epoch-based ones change the rate at epoch boundaries, as PyTorch's StepLR/ExponentialLR. */
public final class Schedules {
    private Schedules() {}

    private interface Rule { double factor(Params p, long step, int stepsPerEpoch, long totalSteps); }

    public static final Schedule CONSTANT = declare("constant", List.of(), (p, s, e, t) -> 1.0);

    public static final Schedule STEP = declare("step", List.of(CatalogText.of("schedule.step").integer("stepEpochs", 10, 1, 100_000),
                    CatalogText.of("schedule.step").real("gamma", 0.1, 0.0, 1.0)),
            (p, s, e, t) -> Math.pow(p.getDouble("gamma"), (s / e) / p.getInt("stepEpochs")));

    public static final Schedule EXPONENTIAL = declare("exponential", List.of(CatalogText.of("schedule.exponential").real("gamma", 0.95, 0.0, 1.0)),
            (p, s, e, t) -> Math.pow(p.getDouble("gamma"), s / e));

    public static final Schedule COSINE = declare("cosine", List.of(CatalogText.of("schedule.cosine").real("minFactor", 0.0, 0.0, 1.0)),
            (p, s, e, t) -> {
                double min = p.getDouble("minFactor");
                return min + (1 - min) * 0.5 * (1 + Math.cos(Math.PI * Math.min(1.0, (double) s / Math.max(1, t))));
            });

    public static final Schedule WARMUP = declare("linear-warmup", List.of(CatalogText.of("schedule.linear-warmup").integer("warmupSteps", 100, 1, 10_000_000)),
            (p, s, e, t) -> Math.min(1.0, (s + 1.0) / p.getInt("warmupSteps")));

    public static final Catalog<Schedule> CATALOG = new Catalog<>("learning-rate schedule", CONSTANT, STEP, EXPONENTIAL, COSINE, WARMUP);

    private static Schedule declare(String id, List<ParamSpec> params, Rule rule) {
        List<ParamSpec> fixed = List.copyOf(params);
        return new Schedule() {
            public double factor(Params p, long step, int stepsPerEpoch, long totalSteps) { return rule.factor(p, step, stepsPerEpoch, totalSteps); }
            public String id() { return id; }
            public String displayName() { return CatalogText.name("schedule", id); }
            public String description() { return CatalogText.description("schedule", id); }
            public List<ParamSpec> params() { return fixed; }
        };
    }
}
