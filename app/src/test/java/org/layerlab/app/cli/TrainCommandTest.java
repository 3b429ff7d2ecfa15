package org.layerlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.samples.SampleProjects;

class TrainCommandTest {
    @TempDir Path dir;

    private record Result(int exit, String out, String err) {
        Map<String, Double> metrics() {
            return out.lines().map(l -> l.trim().split("\\s+")).filter(p -> p.length == 2)
                    .collect(Collectors.toMap(p -> p[0], p -> Double.parseDouble(p[1])));
        }
    }

    private static Result cli(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int exit = LayerLabCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void trainsTheDefaultProjectAndReportsItsAccuracy() throws IOException {
        Path project = dir.resolve("two-spirals.layerlab");
        Files.writeString(project, SampleProjects.defaultSample().json());

        Result r = cli("train", project.toString(), "--epochs", "150", "--seed", "42", "--no-progress");

        assertEquals(0, r.exit(), r.err());
        Map<String, Double> m = r.metrics();
        assertTrue(m.get("accuracy") > 0.9, "spirals accuracy after 150 epochs: " + r.out());
        assertTrue(m.get("loss") < 0.3, r.out());
        assertEquals(150.0, m.get("epochs"));
    }

    @Test
    void aMissingFileExitsWithCode2AndNamesIt() {
        Path missing = dir.resolve("nowhere.layerlab");

        Result r = cli("train", missing.toString());

        assertEquals(2, r.exit());
        assertEquals("layerlab: " + missing + ": file not found", r.err().strip());
        assertEquals("", r.out());
    }

    @Test
    void aMalformedFileExitsWithCode2AndSaysWhere() throws IOException {
        Path broken = dir.resolve("broken.layerlab");
        Files.writeString(broken, "{\n  \"format\": \"layerlab-project\",\n  \"version\": 1,\n  \"graph\": [\n");

        Result r = cli("train", broken.toString());

        assertEquals(2, r.exit());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("layerlab: " + broken + ": line "), r.err());
    }

    @Test
    void anInvalidSettingIsNamedByItsPlaceInTheFile() throws IOException {
        Path bad = dir.resolve("bad-units.layerlab");
        Files.writeString(bad, SampleProjects.defaultSample().json().replace("\"units\" : 24", "\"units\" : 0"));

        Result r = cli("train", bad.toString());

        assertEquals(2, r.exit());
        assertEquals("layerlab: " + bad + ": graph.nodes[1].params.units: Units must be between 1 and 65536, got 0", r.err().strip());
    }

    @Test
    void aConfigurationErrorIsFoundBeforeTrainingWithExit2() throws IOException {
        // The last Dense of the sample becomes one unit under softmax cross-entropy for two classes.
        String json = SampleProjects.defaultSample().json();
        Path bad = dir.resolve("one-unit.layerlab");
        int last = json.lastIndexOf("\"units\" : 2");
        Files.writeString(bad, last < 0 ? json : json.substring(0, last) + "\"units\" : 1" + json.substring(last + "\"units\" : 2".length()));

        Result r = cli("train", bad.toString(), "--no-progress");

        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("needs one output per class: the data has 2 classes"), r.err());
    }
}
