package org.layerlab.app.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.layerlab.compute.catalog.InvalidParamException;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.Node;
import org.layerlab.compute.graph.ShapeInference;
import org.layerlab.compute.layers.LayerType;
import org.layerlab.compute.layers.OutputLayer;
import org.layerlab.compute.nn.Loss;
import org.layerlab.compute.nn.Losses;
import org.layerlab.compute.train.RunPreflight;
import org.layerlab.compute.train.TrainingConfig;
import org.layerlab.editor.CardIssue;
import org.layerlab.editor.command.GraphCommands;

/**
 * The run's checks against the data, for the cards: every problem the preflight finds on a layer is shown on its
 * card, and an Output head whose units do not match the labels (3 units for 2 classes, 2 outputs for one number to
 * predict) gets a one-click fix that sets its units to what the data needs.
 */
final class OutputCheck {
    private OutputCheck() {}

    static Map<String, CardIssue> issues(ModelGraph graph, RunPreflight.DataDescription data, TrainingConfig training) {
        Map<String, CardIssue> out = new LinkedHashMap<>();
        List<RunPreflight.Problem> problems = RunPreflight.check(graph, data, training);
        var analysis = ShapeInference.analyze(graph);
        for (RunPreflight.Problem p : problems) {
            if (p.nodeId() == null || out.containsKey(p.nodeId()) || graph.find(p.nodeId()).isEmpty()) continue;
            // Shape errors are on the card already (its ⚠); the card adds what only the data can tell.
            if (!analysis.info(p.nodeId()).valid()) continue;
            out.put(p.nodeId(), new CardIssue(p.message(), null, null));
        }
        for (Node n : graph.nodes()) {
            if (!n.type().equals(OutputLayer.ID) || !graph.outputsOf(n.id()).isEmpty()) continue;
            int want = unitsFor(OutputLayer.loss(n.params()), data);
            if (want <= 0 || want == n.params().getInt("units")) continue;
            String message = out.containsKey(n.id()) ? out.get(n.id()).message()
                    : TrainingSession.TEXT.get("units.mismatch", n.name(), n.params().getInt("units"), want);
            var spec = graph.typeOf(n.id()).params().stream().filter(s -> s.name().equals("units")).findFirst().orElseThrow();
            out.put(n.id(), new CardIssue(message, TrainingSession.TEXT.get("units.fix", spec.label(), want), () -> {
                try {
                    return GraphCommands.changeParam(graph, n.id(), spec, want);
                } catch (InvalidParamException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        return out;
    }

    /**
     * {@code graph} with its Output head's units following the data: set to what {@code after} needs when that differs
     * from what {@code before} needed (null: not known), so a head the user set to other units on purpose keeps them
     * while the classes stay the same. The graph itself when there is no single head or nothing to change.
     */
    static ModelGraph followUnits(ModelGraph graph, RunPreflight.DataDescription before, RunPreflight.DataDescription after) {
        List<Node> heads = graph.nodes().stream().filter(n -> n.type().equals(OutputLayer.ID) && graph.outputsOf(n.id()).isEmpty()).toList();
        if (heads.size() != 1) return graph;
        Node head = heads.get(0);
        Loss loss = OutputLayer.loss(head.params());
        int want = unitsFor(loss, after);
        if (want <= 0 || want == head.params().getInt("units")) return graph;
        if (before != null && unitsFor(loss, before) == want) return graph;
        try {
            return graph.replaceNode(head.withParams(head.params().with("units", want)));
        } catch (InvalidParamException e) {
            return graph; // more classes than a head may have: the card says so
        }
    }

    /** The settings a new Output head from the palette starts with: units for the data's classes or targets when known. */
    static Params newHeadParams(LayerType type, Params defaults, RunPreflight.DataDescription data) {
        if (!type.id().equals(OutputLayer.ID) || data == null) return defaults;
        int want = unitsFor(OutputLayer.loss(defaults), data);
        try {
            return want > 0 ? defaults.with("units", want) : defaults;
        } catch (InvalidParamException e) {
            return defaults;
        }
    }

    /** The units an Output head with this loss needs for the data, or 0 when the loss does not fit the data at all. */
    static int unitsFor(Loss loss, RunPreflight.DataDescription data) {
        if (loss.classification()) {
            if (!data.hasLabels()) return 0;
            return loss.id().equals(Losses.BINARY_CROSS_ENTROPY.id()) ? (data.numClasses() <= 2 ? 1 : 0) : data.numClasses();
        }
        return data.hasTargets() ? data.targetsPerSample() : 0;
    }
}
