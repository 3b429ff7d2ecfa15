package org.layerlab.compute.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.data.DatasetGenerators;
import org.layerlab.compute.graph.Edge;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.Node;
import org.layerlab.compute.layers.LayerTypes;
import org.layerlab.compute.nn.Optimizers;
import org.layerlab.compute.train.TrainingConfig;

class ProjectFilesTest {
    @TempDir Path dir;

    private static Node node(String id, String type, Map<String, ?> params, double x) throws Exception {
        return new Node(id, type, id.toUpperCase(), Params.of(LayerTypes.CATALOG.get(type).params(), params), x, 40);
    }

    static Project sample() throws Exception {
        ModelGraph g = ModelGraph.of(
                List.of(node("in", "input", Map.of("shape", List.of(2)), 0),
                        node("h", "dense", Map.of("units", 8, "activation", "relu"), 200),
                        node("drop", "dropout", Map.of("rate", 0.25), 400),
                        node("out", "output", Map.of("units", 2), 600)),
                List.of(new Edge("in", "h", 0), new Edge("h", "drop", 0), new Edge("drop", "out", 0)));
        DatasetSpec data = new DatasetSpec("circles",
                Params.of(DatasetGenerators.CIRCLES.params(), Map.of("samples", 200, "noise", 0.1, "seed", 3)));
        TrainingConfig t = new TrainingConfig("sgd",
                Params.of(Optimizers.SGD.params(), Map.of("learningRate", 0.1, "momentum", 0.9)), 8, 20, 11);
        return new Project("Circle demo", "a ring around a disc", g, data, t);
    }

    @Test
    void writeThenReadGivesTheSameProject() throws Exception {
        Project p = sample();
        Path file = dir.resolve("demo.layerlab");

        ProjectFiles.write(p, file);
        Project back = ProjectFiles.read(file);

        assertEquals(p, back);
        assertEquals(ProjectFiles.toJson(p), ProjectArchiveTest.projectJson(file), "the archive holds exactly the canonical JSON");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void omittedParametersTakeTheirDeclaredDefaults() throws Exception {
        String json = ProjectFiles.toJson(sample()).replace("\"activation\" : \"relu\",", "");
        Project p = ProjectFiles.parse(json, "x.layerlab");
        assertEquals("relu", p.graph().node("h").params().getString("activation"));
    }

    @Test
    void brokenJsonIsReportedWithLineAndColumn() {
        var e = assertThrows(ProjectFileException.class,
                () -> ProjectFiles.parse("{\n  \"format\": \"layerlab-project\",\n  \"version\": 1,,\n}", "broken.layerlab"));
        assertTrue(e.getMessage().startsWith("broken.layerlab: line 3, column "), e.getMessage());
    }

    @Test
    void contentErrorsNameTheirPlaceInTheFile() throws Exception {
        String good = ProjectFiles.toJson(sample());
        assertProblem(good.replace("\"type\" : \"dropout\"", "\"type\" : \"dropuot\""),
                "graph.nodes[2].type: unknown layer type 'dropuot' (known: ");
        assertProblem(good.replace("\"rate\" : 0.25", "\"rate\" : \"lots\""),
                "graph.nodes[2].params.rate: Rate must be a number, got \"lots\"");
        assertProblem(good.replace("\"units\" : 8,", "\"units\" : 8, \"size\" : 3,"),
                "graph.nodes[1].params.size: unknown parameter 'size'");
        assertProblem(good.replace("\"to\" : \"h\"", "\"to\" : \"nowhere\""), "graph.edges[0]: no node 'nowhere'");
        assertProblem(good.replace("\"kernelInitializer.value\" : 0.1", "\"kernelInitializer.value\" : \"x\""),
                "graph.nodes[1].params[\"kernelInitializer.value\"]: Start value must be a number, got \"x\"");
        assertProblem(good.replace("\"optimizer\" : \"sgd\"", "\"optimizer\" : \"adamw2\""),
                "training.optimizer: Optimizer must be one of sgd, adam, adamw, rmsprop, adagrad, got \"adamw2\"");
        assertProblem(good.replace("\"batchSize\" : 8", "\"batchSize\" : 0"), "training.batchSize: Batch size must be between 1 and 1000000, got 0");
        assertProblem(good.replace("\"source\" : \"circles\",", ""), "dataset.source: is missing");
    }

    @Test
    void wiresThatBreakArityAreRefusedWithTheReason() throws Exception {
        String json = ProjectFiles.toJson(sample()).replace("\"edges\" : [ {",
                "\"edges\" : [ { \"from\" : \"out\", \"to\" : \"in\", \"port\" : 0 }, {");
        assertProblem(json, "graph.edges[0]: IN takes no inputs");
        String second = ProjectFiles.toJson(sample()).replace("\"edges\" : [ {",
                "\"edges\" : [ { \"from\" : \"out\", \"to\" : \"h\", \"port\" : 0 }, {");
        assertProblem(second, "graph.edges[1]: H takes only one input");
    }

    @Test
    void filesFromANewerVersionOrOtherProgramsAreRefusedPlainly() throws Exception {
        String json = ProjectFiles.toJson(sample());
        assertProblem(json.replace("\"version\" : " + ProjectFiles.VERSION, "\"version\" : 7"), "written by a newer LayerLab (format version 7)");
        assertProblem("{\"hello\": 1}", "not a LayerLab project");
        assertProblem("[1, 2]", "not a LayerLab project");
    }

    @Test
    void unknownFieldsAreErrorsNotSilentlyDropped() throws Exception {
        String json = ProjectFiles.toJson(sample()).replace("\"name\" : \"Circle demo\",", "\"name\" : \"Circle demo\", \"colour\" : \"red\",");
        var e = assertThrows(ProjectFileException.class, () -> ProjectFiles.parse(json, "f.layerlab"));
        assertTrue(e.getMessage().contains("colour"), e.getMessage());
    }

    @Test
    void aFailedSaveLeavesThePreviousFileIntact() throws Exception {
        Path file = dir.resolve("keep.layerlab");
        ProjectFiles.write(sample(), file);
        byte[] before = Files.readAllBytes(file);
        Path blocked = dir.resolve("not-a-dir");
        Files.writeString(blocked, "x");

        var e = assertThrows(ProjectFileException.class, () -> ProjectFiles.write(sample(), blocked.resolve("p.layerlab")));

        assertTrue(e.getMessage().contains("cannot save"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void aMissingFileSaysSo() {
        Path missing = dir.resolve("gone.layerlab");
        var e = assertThrows(ProjectFileException.class, () -> ProjectFiles.read(missing));
        assertEquals(missing + ": file not found", e.getMessage());
    }

    static void assertProblem(String json, String expected) {
        var e = assertThrows(ProjectFileException.class, () -> ProjectFiles.parse(json, "p.layerlab"));
        assertTrue(e.getMessage().startsWith("p.layerlab: " + expected) || e.getMessage().contains(expected),
                "expected «" + expected + "» in «" + e.getMessage() + "»");
    }

}
