package org.layerlab.compute.train;

import java.util.ArrayList;
import java.util.List;
import org.layerlab.compute.data.Dataset;
import org.layerlab.compute.graph.GraphAnalysis;
import org.layerlab.compute.graph.MemoryEstimate;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.Node;
import org.layerlab.compute.graph.NodeInfo;
import org.layerlab.compute.graph.ShapeInference;
import org.layerlab.compute.layers.OutputLayer;
import org.layerlab.compute.nn.Loss;
import org.layerlab.compute.nn.Losses;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.text.Messages;

/**
 * Checks a run's configuration before any weight is allocated or any step is taken: does the network fit the data,
 * does the loss fit the labels, is there anything to train on, does it fit in memory. A pure function of the graph,
 * a description of the data and the settings, so the window can show its findings on the cards while the user
 * edits, and the CLI can refuse with exit 2 before training. Each problem names the node it belongs to (null for
 * the run as a whole) and says in a student's words what to change.
 */
public final class RunPreflight {
    private static final Messages TEXT = Messages.of("org.layerlab.compute.i18n.preflight", RunPreflight.class);

    private RunPreflight() {}

    /** One finding: the node it is about (null: the run, the data or the graph as a whole) and the sentence to show. */
    public record Problem(String nodeId, String message) {
        @Override public String toString() { return message; }
    }

    /**
     * What the preflight needs to know of the training part of a data set: how many samples, the shape of one,
     * and what is to be predicted — class labels ({@code numClasses} > 0) or {@code targetsPerSample} numbers.
     */
    public record DataDescription(int samples, Shape sampleShape, int numClasses, int targetsPerSample) {
        public boolean hasLabels() { return numClasses > 0; }
        public boolean hasTargets() { return targetsPerSample > 0; }

        public static DataDescription of(Dataset d) {
            int n = d.size();
            int targets = d.targets() == null || n == 0 ? 0 : d.targets().length / n;
            int classes = d.labels() == null ? 0 : Math.max(d.numClasses(), maxLabel(d.labels()) + 1);
            return new DataDescription(n, d.sampleShape(), classes, targets);
        }

        private static int maxLabel(int[] labels) {
            int m = -1;
            for (int l : labels) m = Math.max(m, l);
            return m;
        }
    }

    /** Everything wrong with training {@code graph} on {@code data} with {@code config}; empty when the run may start. */
    public static List<Problem> check(ModelGraph graph, DataDescription data, TrainingConfig config) {
        return check(graph, data, config, MemoryEstimate.available());
    }

    /** As {@link #check(ModelGraph, DataDescription, TrainingConfig)} with a given memory budget in bytes (for tests). */
    public static List<Problem> check(ModelGraph graph, DataDescription data, TrainingConfig config, long memoryBudget) {
        List<Problem> problems = new ArrayList<>();
        // The data set's own split (validation, test) has been applied: what is described is the training part.
        if (data.samples() == 0) problems.add(new Problem(null, TEXT.get("train.empty")));
        GraphAnalysis analysis = ShapeInference.analyze(graph);
        for (String e : analysis.graphErrors()) problems.add(new Problem(null, e));
        analysis.nodes().forEach((id, info) -> { if (!info.valid()) problems.add(new Problem(id, info.error())); });
        if (!analysis.valid()) return problems;
        List<Node> inputs = graph.nodes().stream().filter(n -> graph.typeOf(n.id()).arity().max() == 0).toList();
        List<Node> outputs = graph.nodes().stream().filter(n -> graph.outputsOf(n.id()).isEmpty()).toList();
        if (inputs.size() != 1 || outputs.size() != 1) {
            problems.add(new Problem(null, TEXT.get("graph.ends", inputs.size(), outputs.size())));
            return problems;
        }
        Node input = inputs.get(0), head = outputs.get(0);
        Shape inShape = analysis.info(input.id()).outputShape();
        if (!inShape.equals(data.sampleShape())) {
            problems.add(new Problem(input.id(), TEXT.get("input.shape", input.name(), inShape, data.sampleShape())));
        }
        Loss loss = config.lossFunction();
        if (head.type().equals(OutputLayer.ID)) {
            Loss paired = OutputLayer.loss(head.params());
            if (!paired.id().equals(loss.id())) {
                problems.add(new Problem(head.id(), TEXT.get("loss.head", head.name(), paired.displayName(), loss.displayName())));
            }
            loss = paired;
        }
        checkLossAgainstData(head, analysis.info(head.id()), loss, data, problems);
        MemoryEstimate memory = MemoryEstimate.of(graph, analysis, config.batchSize(), config.checkpoints() ? MemoryEstimate.CHECKPOINT_COPIES : 0);
        String tooBig = memory.refusal(memoryBudget);
        if (tooBig != null) problems.add(new Problem(memory.largestNode(), tooBig));
        return problems;
    }

    /** Convenience for callers holding the data set itself. */
    public static List<Problem> check(ModelGraph graph, Dataset data, TrainingConfig config) {
        return check(graph, DataDescription.of(data), config);
    }

    private static void checkLossAgainstData(Node head, NodeInfo info, Loss loss, DataDescription data, List<Problem> problems) {
        int outputs = info.outputShape().size();
        String name = head.name();
        if (loss.classification()) {
            if (!data.hasLabels()) {
                problems.add(new Problem(head.id(), TEXT.get("loss.needsLabels", loss.displayName(), data.targetsPerSample())));
                return;
            }
            boolean binary = loss.id().equals(Losses.BINARY_CROSS_ENTROPY.id());
            if (binary) {
                if (data.numClasses() > 2) problems.add(new Problem(head.id(), TEXT.get("bce.classes", data.numClasses())));
                else if (outputs != 1) problems.add(new Problem(head.id(), TEXT.get("bce.units", name, outputs)));
            } else if (outputs != data.numClasses()) {
                problems.add(new Problem(head.id(), TEXT.get("softmax.units", data.numClasses(), name, outputs)));
            }
        } else {
            if (!data.hasTargets()) {
                problems.add(new Problem(head.id(), TEXT.get("loss.needsTargets", loss.displayName(), data.numClasses())));
            } else if (outputs != data.targetsPerSample()) {
                problems.add(new Problem(head.id(), TEXT.get("regression.units", data.targetsPerSample(), name, outputs)));
            }
        }
    }

    /** All problems in one line, for the command line. */
    public static String describe(List<Problem> problems) {
        StringBuilder sb = new StringBuilder();
        for (Problem p : problems) {
            if (sb.length() > 0) sb.append("; ");
            sb.append(p.message());
        }
        return sb.toString();
    }
}
