package org.layerlab.app.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.layerlab.compute.catalog.InvalidParamException;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.Node;
import org.layerlab.compute.graph.ShapeInference;
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

    /** The units an Output head with this loss needs for the data, or 0 when the loss does not fit the data at all. */
    static int unitsFor(Loss loss, RunPreflight.DataDescription data) {
        if (loss.classification()) {
            if (!data.hasLabels()) return 0;
            return loss.id().equals(Losses.BINARY_CROSS_ENTROPY.id()) ? (data.numClasses() <= 2 ? 1 : 0) : data.numClasses();
        }
        return data.hasTargets() ? data.targetsPerSample() : 0;
    }
}
