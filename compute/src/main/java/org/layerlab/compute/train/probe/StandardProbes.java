package org.layerlab.compute.train.probe;

import java.util.List;
import java.util.concurrent.Executor;
import org.layerlab.compute.data.Dataset;
import org.layerlab.compute.text.Messages;
import org.layerlab.compute.train.Trainer;

/**
 * The probes a run in the window gets: the confusion matrix (classification), parameter statistics, and for a 2-D
 * data set the decision grid and the neuron maps. One place wires them, for the window, its tests and the benchmark.
 */
public final class StandardProbes {
    private StandardProbes() {}

    private static final Messages TEXT = Messages.of("org.layerlab.compute.i18n.probes", StandardProbes.class);

    /** Where the results go (each method must only queue). */
    public interface Results {
        void confusion(ConfusionProbe.Result r);
        void parameters(ParameterStatsProbe.Result r);
        void decision(DecisionProbe.Result r);
        void neurons(NeuronMapProbe.Result r);
        /** The data drawn under the decision grid, once, before the run starts. */
        void points(PlanePoints p);
        /** The weights on the wires of a small Dense chain. */
        default void wires(WiresProbe.Result r) {}
    }

    /**
     * How much analysis: parameter statistics every {@code statsEvery} steps; the decision grid at most
     * {@code decisionHz} times a second on {@code decisionResolution}² cells, the neuron maps at most {@code neuronHz}
     * on {@code neuronResolution}². The defaults keep the decision view above 10 refreshes a second and the whole
     * analysis within a tenth of the trainer's work on the default sample (see benchmarks/README.md).
     */
    public record Settings(int statsEvery, double decisionHz, double neuronHz, int decisionResolution, int neuronResolution) {
        public static final Settings DEFAULT = new Settings(20, 12, 5, 100, 40);

        /** The defaults with statistics every {@code n} steps. */
        public Settings withStatsEvery(int n) { return new Settings(n, decisionHz, neuronHz, decisionResolution, neuronResolution); }
    }

    /** How often the weights on the wires refresh while training, at most. */
    static final double WIRES_HZ = 10;

    /** Attaches a hub with the probes that apply to this run to {@code trainer} (before it starts) and returns it. */
    public static ProbeHub attach(Trainer trainer, Dataset train, Dataset validation, Dataset test, Executor executor,
                                  Settings settings, Results out) {
        ProbeHub hub = ProbeHub.attach(trainer, executor);
        hub.add(new ParameterStatsProbe(settings.statsEvery()), out::parameters);
        boolean hasValidation = validation != null && validation.size() > 0;
        Dataset measured = hasValidation ? validation : train;
        if (ConfusionProbe.applies(trainer.loss(), measured)) {
            int n = Math.min(measured.size(), ConfusionProbe.MAX_SAMPLES);
            hub.add(new ConfusionProbe(trainer.loss(), measured, TEXT.get(hasValidation ? "source.validation" : "source.training", n)),
                    out::confusion);
        }
        if (!WiresProbe.chain(trainer.network().graph()).isEmpty()) {
            hub.add(new WiresProbe(trainer.network().graph(), WIRES_HZ), out::wires);
        }
        if (PlaneGrid.applies(trainer.network().inputShape())) {
            PlanePoints points = PlanePoints.of(train, validation, test);
            float[][] xy = points.parts().stream().map(PlanePoints.Part::xy).toArray(float[][]::new);
            out.points(points);
            List<String> classes = train.classNames();
            hub.add(new DecisionProbe(PlaneGrid.around(settings.decisionResolution(), xy), trainer.loss(), classes, settings.decisionHz()),
                    out::decision);
            List<String> layers = NeuronMapProbe.mappedLayers(trainer.network().graph());
            if (!layers.isEmpty()) {
                hub.add(new NeuronMapProbe(PlaneGrid.around(settings.neuronResolution(), xy), trainer.network().graph(), layers,
                        settings.neuronHz()), out::neurons);
            }
        }
        return hub;
    }
}
