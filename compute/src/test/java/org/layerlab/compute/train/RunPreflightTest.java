package org.layerlab.compute.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.SequentialBuilder;
import org.layerlab.compute.nn.Optimizers;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.train.RunPreflight.DataDescription;
import org.layerlab.compute.train.RunPreflight.Problem;

/** Configuration errors are found before training, located on a node, in sentences a student understands. */
class RunPreflightTest {
    private static Locale before;

    @BeforeAll static void english() { before = Locale.getDefault(); Locale.setDefault(Locale.ROOT); }
    @AfterAll static void restore() { Locale.setDefault(before); }

    static final DataDescription TWO_CLASSES = new DataDescription(400, Shape.of(2), 2, 0);

    static ModelGraph net(String headType, Object... headParams) {
        return new SequentialBuilder().add("input", "shape", List.of(2)).add("dense", "units", 8, "activation", "tanh")
                .add(headType, headParams).build();
    }

    static TrainingConfig config(String loss, double split) throws Exception {
        Params p = Params.of(Optimizers.ADAM.params(), Map.of());
        return new TrainingConfig(loss, "adam", p, 16, 5, 1, split);
    }

    static Problem only(List<Problem> problems) {
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    @Test void aWellFormedRunHasNoProblems() throws Exception {
        assertEquals(List.of(), RunPreflight.check(net("output", "units", 2), TWO_CLASSES, config("softmax-cross-entropy", 0.2)));
    }

    @Test void softmaxNeedsOneOutputPerClass() throws Exception {
        Problem p = only(RunPreflight.check(net("dense", "units", 1), TWO_CLASSES, config("softmax-cross-entropy", 0)));
        assertEquals("dense-2", p.nodeId());
        assertEquals("Softmax cross-entropy needs one output per class: the data has 2 classes, Dense 2 has 1 unit — set its units to 2.", p.message());
        Problem three = only(RunPreflight.check(net("output", "units", 3), TWO_CLASSES, config("softmax-cross-entropy", 0)));
        assertTrue(three.message().contains("Output 1 has 3 units"), three.message());
    }

    @Test void regressionLossOnClassLabels() throws Exception {
        Problem p = only(RunPreflight.check(net("dense", "units", 2), TWO_CLASSES, config("mse", 0)));
        assertEquals("dense-2", p.nodeId());
        assertTrue(p.message().startsWith("Mean squared error predicts numbers, but the data has class labels (2 classes)"), p.message());
    }

    @Test void classificationLossOnNumericTargets() throws Exception {
        Problem p = only(RunPreflight.check(net("dense", "units", 1), new DataDescription(50, Shape.of(2), 0, 1), config("softmax-cross-entropy", 0)));
        assertTrue(p.message().startsWith("Softmax cross-entropy chooses between classes, but the data has numbers to predict"), p.message());
    }

    @Test void targetCountMustMatchOutputs() throws Exception {
        Problem p = only(RunPreflight.check(net("dense", "units", 32), new DataDescription(50, Shape.of(2), 0, 16), config("mse", 0)));
        assertEquals("The data has 16 numbers to predict per sample, but Dense 2 has 32 outputs — set its units to 16.", p.message());
    }

    @Test void headLossMustBeTheTrainingLoss() throws Exception {
        Problem p = only(RunPreflight.check(net("output", "units", 2, "loss", "softmax-cross-entropy"),
                TWO_CLASSES, config("mse", 0)));
        assertEquals("output-1", p.nodeId());
        assertTrue(p.message().startsWith("Output 1 is set for Softmax cross-entropy, but training uses Mean squared error"), p.message());
    }

    @Test void emptyTrainingPartSaysSo() throws Exception {
        Problem p = only(RunPreflight.check(net("output", "units", 2), new DataDescription(0, Shape.of(2), 2, 0), config("softmax-cross-entropy", 0)));
        assertNull(p.nodeId());
        assertEquals("Nothing is left to train on: the training part has no samples — lower the validation or test share, or use more data.", p.message());
    }

    @Test void inputShapeMustMatchTheData() throws Exception {
        Problem p = only(RunPreflight.check(net("output", "units", 2), new DataDescription(10, Shape.of(1, 28, 28), 2, 0), config("softmax-cross-entropy", 0)));
        assertEquals("input-1", p.nodeId());
        assertTrue(p.message().contains("set the Input shape to 1×28×28"), p.message());
    }

    @Test void aRunTooLargeForTheBudgetNamesItsLargestLayer() throws Exception {
        List<Problem> problems = RunPreflight.check(net("output", "units", 2), TWO_CLASSES, config("softmax-cross-entropy", 0), 1024);
        Problem p = only(problems);
        assertEquals("dense-1", p.nodeId());
        assertTrue(p.message().startsWith("Training this network would need about ") && p.message().contains("(Dense 1 alone")
                && p.message().contains("LayerLab may use 1.0 KiB"), p.message());
    }

    @Test void graphErrorsAreReportedOnTheirNodes() throws Exception {
        ModelGraph bad = new SequentialBuilder().add("input", "shape", List.of(1, 4, 4)).add("dense", "units", 2).build();
        Problem p = only(RunPreflight.check(bad, new DataDescription(10, Shape.of(1, 4, 4), 2, 0), config("softmax-cross-entropy", 0)));
        assertEquals("dense-1", p.nodeId());
        assertTrue(p.message().contains("add Flatten"), p.message());
    }

    @Test void describesADataSetItself() {
        DataDescription d = DataDescription.of(TrainerTest.spirals());
        assertEquals(Shape.of(2), d.sampleShape());
        assertEquals(2, d.numClasses());
        assertEquals(0, d.targetsPerSample());
    }
}
