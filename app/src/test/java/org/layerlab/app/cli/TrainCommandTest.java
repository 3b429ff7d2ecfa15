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
    void setChangesARunSettingThroughItsDeclaration() throws IOException {
        Path project = dir.resolve("spirals.layerlab");
        Files.writeString(project, SampleProjects.defaultSample().json());

        Result r = cli("train", project.toString(), "--epochs", "2", "--set", "batchSize=400", "--set", "optimizer=sgd",
                "--set", "momentum=0.9", "--no-progress");

        assertEquals(0, r.exit(), r.err());
        assertEquals(2.0, r.metrics().get("steps"), "400 samples in batches of 400, two epochs");
    }

    @Test
    void aRefusedSetIsOneLineNamingTheSetting() throws IOException {
        Path project = dir.resolve("spirals.layerlab");
        Files.writeString(project, SampleProjects.defaultSample().json());

        Result bad = cli("train", project.toString(), "--set", "learningRate=-1");
        assertEquals(2, bad.exit());
        assertEquals("layerlab: " + project + ": --set learningRate=-1: Learning rate must be between 1.0E-7 and 10, got -1.0", bad.err().strip());
        Result unknown = cli("train", project.toString(), "--set", "momentum=0.9");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().startsWith("layerlab: " + project + ": --set momentum=0.9: no run setting 'momentum' (known: optimizer, learningRate"), unknown.err());
    }

    @Test
    void aConfigurationErrorIsFoundBeforeTrainingWithExit2() throws IOException {
        // The sample's Output head gets three units under softmax cross-entropy for two classes.
        String json = SampleProjects.defaultSample().json();
        Path bad = dir.resolve("one-unit.layerlab");
        int last = json.lastIndexOf("\"units\" : 2");
        Files.writeString(bad, last < 0 ? json : json.substring(0, last) + "\"units\" : 3" + json.substring(last + "\"units\" : 2".length()));

        Result r = cli("train", bad.toString(), "--no-progress");

        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("needs one output per class: the data has 2 classes"), r.err());
    }

    /** A project whose data set is a CSV file named relative to the project ("data/points.csv"), next to it. */
    private Path projectWithRelativeCsv() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("course"));
        Files.createDirectories(folder.resolve("data"));
        StringBuilder csv = new StringBuilder("x,y,class\n");
        for (int i = 0; i < 60; i++) {
            int c = i % 2;
            csv.append(c == 0 ? -1 - i % 5 * 0.1 : 1 + i % 5 * 0.1).append(',').append(i % 7 * 0.1).append(',').append(c == 0 ? "a" : "b").append('\n');
        }
        Files.writeString(folder.resolve("data").resolve("points.csv"), csv);
        var p = org.layerlab.compute.project.ProjectFiles.parse(SampleProjects.defaultSample().json(), "default");
        var source = org.layerlab.compute.data.DataSources.CSV;
        p = p.withDataset(p.dataset().withSource(source.id(),
                org.layerlab.compute.catalog.Params.of(source.params(), Map.of("file", "data/points.csv"))));
        Path file = folder.resolve("points.layerlab");
        org.layerlab.compute.project.ProjectFiles.write(p, file);
        return file;
    }

    @Test
    void aRelativeDataFileIsFoundNextToTheProjectWhenTrainingFromAnotherFolder() throws Exception {
        Path project = projectWithRelativeCsv();
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        // Its own process, started in another folder: the working folder is not the project's.
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-D" + CliFailures.LOGS_PROPERTY + "=" + dir.resolve("logs"),
                "-cp", System.getProperty("java.class.path"), "org.layerlab.app.Launcher",
                "train", "../course/points.layerlab", "--epochs", "3", "--no-progress");
        pb.directory(elsewhere.toFile());
        pb.redirectErrorStream(true);
        Process proc = pb.start();
        String out = new String(proc.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(proc.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), out);
        assertEquals(0, proc.exitValue(), out);
        assertTrue(out.contains("epochs") && out.contains("accuracy"), out);
        assertTrue(Files.exists(project));
    }

    @Test
    void theValidationShareIsSetOnTheDataSetsSplitAndTheOldNameStillWorksWithANote() throws IOException {
        Path project = dir.resolve("spirals.layerlab");
        Files.writeString(project, SampleProjects.defaultSample().json());

        Result r = cli("train", project.toString(), "--epochs", "2", "--set", "split.validation=0.25", "--no-progress");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.metrics().containsKey("val_loss"), "a validation part: " + r.out());
        assertTrue(!r.err().contains("deprecated"), r.err());

        Result old = cli("train", project.toString(), "--epochs", "2", "--set", "validationSplit=0.25", "--no-progress");
        assertEquals(0, old.exit(), old.err());
        assertTrue(old.err().contains("--set validationSplit is deprecated: the validation share is part of the data set's split; use --set split.validation=0.25"),
                old.err());
        assertEquals(r.metrics().get("val_loss"), old.metrics().get("val_loss"), "the same split either way");

        Result bad = cli("train", project.toString(), "--set", "split.validation=0.95");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("--set split.validation=0.95: "), bad.err());
    }

    @Test
    void aTrainedCopyWrittenElsewhereStillNamesTheSameDataFile() throws Exception {
        Path project = projectWithRelativeCsv();
        Path out = Files.createDirectories(dir.resolve("results")).resolve("trained.layerlab");
        Result r = cli("train", project.toString(), "--epochs", "2", "--no-progress", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        String stored = org.layerlab.compute.project.ProjectArchive.read(out).project().dataset().params().getString("file");
        assertEquals(dir.resolve("course").resolve("data").resolve("points.csv"),
                org.layerlab.compute.data.DataContext.of(out.getParent()).resolve(stored), stored);
        Result again = cli("train", out.toString(), "--epochs", "1", "--no-progress");
        assertEquals(0, again.exit(), again.err());
    }
}
