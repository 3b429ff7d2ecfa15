package org.layerlab.compute.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.compute.export.PythonCheck;
import org.layerlab.compute.export.TrainedModel;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.tensor.Tensor;

class ProjectArchiveTest {
    @TempDir Path dir;

    /** The project.json entry of a version 3 file, as text. */
    static String projectJson(Path file) throws Exception {
        return new String(SafeZip.open(Files.readAllBytes(file), file.toString()).read(ProjectArchive.PROJECT_ENTRY), StandardCharsets.UTF_8);
    }

    static ProjectBundle trained() throws Exception {
        Project p = ProjectFilesTest.sample();
        p = p.withRuns(List.of(ProjectFilesRunsTest.run(1, 20, 10, null, null, 3), ProjectFilesRunsTest.run(2, 20, 10, 1, 10L, 4),
                ProjectFilesRunsTest.run(3, 20, 10, null, null, 5)));
        TrainedModel last = TrainedModel.of(CompiledNetwork.compile(p.graph(), 7), List.of("inner", "outer"));
        TrainedModel best = TrainedModel.of(CompiledNetwork.compile(p.graph(), 8), List.of("inner", "outer"));
        return ProjectBundle.of(p).withWeights(1, new RunWeights(last, best)).withWeights(3, RunWeights.of(last))
                .withEntry("data/points.csv", "x,y,label\n0.5,0.25,1\n".getBytes(StandardCharsets.UTF_8));
    }

    static void assertSameOutputs(TrainedModel a, TrainedModel b) {
        Tensor x = Tensor.uniform(a.compile().inputShape().withBatch(4), 1, new SplittableRandom(2));
        assertArrayEquals(a.compile().predict(x).data(), b.compile().predict(x).data());
    }

    @Test void weightsBestCheckpointsAndEmbeddedDataRoundTrip() throws Exception {
        ProjectBundle b = trained();
        Path file = dir.resolve("trained.layerlab");
        ProjectArchive.write(b, file);
        ProjectBundle back = ProjectArchive.read(file);
        assertEquals(b.project(), back.project());
        assertEquals(List.of(1, 3), List.copyOf(back.weights().keySet()));
        assertSameOutputs(b.weightsOf(1).orElseThrow().last(), back.weightsOf(1).orElseThrow().last());
        assertSameOutputs(b.weightsOf(1).orElseThrow().best(), back.weightsOf(1).orElseThrow().best());
        assertTrue(back.weightsOf(3).orElseThrow().bestCheckpoint().isEmpty());
        assertEquals(List.of("inner", "outer"), back.weightsOf(1).orElseThrow().last().classNames());
        assertArrayEquals(b.entry("data/points.csv").orElseThrow(), back.entry("data/points.csv").orElseThrow());
        assertEquals(List.of("project.json", "weights/run-1.safetensors", "weights/run-1-best.safetensors",
                "weights/run-3.safetensors", "data/points.csv"), SafeZip.open(Files.readAllBytes(file), "f").names());
        assertArrayEquals(ProjectArchive.encode(back), Files.readAllBytes(file), "saving again writes the same bytes");
        assertEquals(b.project(), ProjectFiles.read(file), "ProjectFiles reads version 3 files too");
    }

    @Test void weightsOfRunsNoLongerInTheProjectAreLeftOut() throws Exception {
        ProjectBundle b = trained();
        ProjectBundle fewer = b.withProject(b.project().withRuns(b.project().runs().subList(0, 2)));
        assertEquals(List.of(1), List.copyOf(ProjectArchive.decode(ProjectArchive.encode(fewer), "f").weights().keySet()));
    }

    @Test void versionOneAndTwoJsonFilesStillOpenAndANewerVersionIsRefused() throws Exception {
        String v3 = ProjectFiles.toJson(ProjectFilesTest.sample());
        for (int v : new int[] {1, 2}) {
            Path old = dir.resolve("v" + v + ".layerlab");
            Files.writeString(old, v3.replace("\"version\" : " + ProjectFiles.VERSION, "\"version\" : " + v));
            ProjectBundle b = ProjectArchive.read(old);
            assertEquals(ProjectFilesTest.sample().graph(), b.project().graph());
            assertTrue(b.weights().isEmpty());
        }
        byte[] newer = new ZipWriter().add("project.json", v3.replace("\"version\" : " + ProjectFiles.VERSION, "\"version\" : 4")
                .getBytes(StandardCharsets.UTF_8)).finish();
        String m = assertThrows(ProjectFileException.class, () -> ProjectArchive.decode(newer, "new.layerlab")).getMessage();
        assertTrue(m.startsWith("new.layerlab: project.json") && m.contains("newer LayerLab") && m.contains("version 4"), m);
    }

    @Test void pythonReadsTheFileWithZipfileJsonAndNumpyAsTheReadmeSays() throws Exception {
        PythonCheck.assumeNumpy();
        ProjectBundle b = trained();
        Path file = dir.resolve("trained.layerlab");
        ProjectArchive.write(b, file);
        // The README's recipe, verbatim in spirit: project.json, then each run's safetensors entry.
        String script = String.join("\n",
                "import json, struct, sys, zipfile, numpy as np",
                "z = zipfile.ZipFile(sys.argv[1])",
                "project = json.loads(z.read('project.json'))",
                "print('name', project['name'], project['version'])",
                "def tensors(raw):",
                "    n = struct.unpack('<Q', raw[:8])[0]",
                "    header = json.loads(raw[8:8 + n])",
                "    meta = header.pop('__metadata__', {})",
                "    data = raw[8 + n:]",
                "    return meta, {k: np.frombuffer(data[v['data_offsets'][0]:v['data_offsets'][1]], dtype='<f4').reshape(v['shape'])",
                "                  for k, v in header.items()}",
                "for run in project['runs']:",
                "    entry = 'weights/run-%d.safetensors' % run['id']",
                "    if entry not in z.namelist():",
                "        print('run', run['id'], 'none'); continue",
                "    meta, t = tensors(z.read(entry))",
                "    print('run', run['id'], ' '.join('%s=%s:%r' % (k, 'x'.join(map(str, a.shape)), float(a.astype(np.float64).sum())) for k, a in t.items()),",
                "          json.loads(meta['layerlab.classes']))");
        List<String> lines = PythonCheck.run(script, file.toString());
        assertEquals("name Circle demo 3", lines.get(0));
        assertEquals("run 2 none", lines.get(2));
        TrainedModel last = b.weightsOf(1).orElseThrow().last();
        String run1 = lines.get(1);
        for (Map.Entry<String, Tensor> e : last.tensors().entrySet()) {
            double sum = 0;
            for (float v : e.getValue().data()) sum += v;
            String dims = String.join("x", java.util.Arrays.stream(e.getValue().shape().dims()).mapToObj(String::valueOf).toList());
            String key = e.getKey() + "=" + dims + ":";
            int at = run1.indexOf(key);
            assertTrue(at >= 0, key + " in " + run1);
            String num = run1.substring(at + key.length()).split(" ")[0];
            assertEquals(sum, Double.parseDouble(num), 1e-5, e.getKey());
        }
        assertTrue(run1.endsWith("['inner', 'outer']"), run1);
    }

    // ---- bad archives: LayerLab's error naming the file and the entry

    static String refused(byte[] bytes) {
        return assertThrows(ProjectFileException.class, () -> ProjectArchive.decode(bytes, "bad.layerlab")).getMessage();
    }

    static void assertRefused(byte[] bytes, String... parts) {
        String m = refused(bytes);
        assertTrue(m.startsWith("bad.layerlab"), m);
        for (String p : parts) assertTrue(m.contains(p), "'" + m + "' should mention '" + p + "'");
    }

    static byte[] withEntry(String name, byte[] bytes) throws Exception {
        return new ZipWriter().add("project.json", ProjectFiles.toJson(ProjectFilesTest.sample()).getBytes(StandardCharsets.UTF_8))
                .add(name, bytes).finish();
    }

    /** Replaces every occurrence of {@code from} (in local and central headers alike) by {@code to}, same length. */
    static byte[] patch(byte[] zip, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.UTF_8), t = to.getBytes(StandardCharsets.UTF_8);
        assertEquals(f.length, t.length);
        byte[] out = zip.clone();
        for (int i = 0; i + f.length <= out.length; i++) {
            if (java.util.Arrays.equals(out, i, i + f.length, f, 0, f.length)) System.arraycopy(t, 0, out, i, t.length);
        }
        return out;
    }

    @Test void unsafeNamesAreRefused() throws Exception {
        assertRefused(withEntry("../../etc/passwd", new byte[1]), "'../../etc/passwd'", "\"..\"");
        assertRefused(withEntry("data/../../x", new byte[1]), "'data/../../x'");
        assertRefused(withEntry("/etc/passwd", new byte[1]), "'/etc/passwd'", "absolute");
        assertRefused(withEntry("C:/evil", new byte[1]), "'C:/evil'", "drive");
        assertRefused(withEntry("data\\..\\evil", new byte[1]), "backslash");
        assertRefused(withEntry("data//x", new byte[1]), "'data//x'");
        assertRefused(withEntry("notes.txt", new byte[1]), "'notes.txt'", "not part of a LayerLab project");
    }

    @Test void duplicateEntriesAreRefused() throws Exception {
        byte[] zip = new ZipWriter().add("project.json", ProjectFiles.toJson(ProjectFilesTest.sample()).getBytes(StandardCharsets.UTF_8))
                .add("data/a.csv", new byte[] {1}).add("data/b.csv", new byte[] {2}).finish();
        assertRefused(patch(zip, "data/b.csv", "data/a.csv"), "'data/a.csv'", "twice");
    }

    @Test void zipBombsAreRefusedBeforeTheyInflate() throws Exception {
        ZipWriter w = new ZipWriter().add("project.json", ProjectFiles.toJson(ProjectFilesTest.sample()).getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < SafeZip.MAX_ENTRIES; i++) w.add("data/e" + i, new byte[0]);
        assertRefused(w.finish(), "1,001 entries");

        byte[] zip = withEntry("data/zeros.bin", new byte[100_000]);
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int cen = centralHeader(zip, "data/zeros.bin");
        b.putInt(cen + 24, 0x7FFF_0000);  // declared uncompressed size: 2 GiB
        assertRefused(zip, "'data/zeros.bin'", "declares");
        b.putInt(cen + 24, 200_000_000);  // below the entry cap, far above what deflate can give from ~100 bytes
        assertRefused(zip, "'data/zeros.bin'", "zip bomb");
        b.putInt(cen + 24, 50_000);       // declared smaller than it really inflates to
        assertRefused(zip, "'data/zeros.bin'", "more than the 50,000 bytes");
        b.putInt(cen + 24, 110_000);      // declared larger
        assertRefused(zip, "'data/zeros.bin'", "inflates to 100,000 bytes but declares 110,000");
    }

    @Test void damagedArchivesAreRefused() throws Exception {
        byte[] zip = ProjectArchive.encode(trained());
        assertRefused(java.util.Arrays.copyOf(zip, zip.length - 30), "central directory");
        assertRefused(java.util.Arrays.copyOf(zip, zip.length / 2), "central directory");
        byte[] crc = zip.clone();
        crc[centralHeader(zip, "data/points.csv") + 16] ^= 1;
        assertRefused(crc, "'data/points.csv'", "checksum");
        byte[] noProject = new ZipWriter().add("data/x", new byte[1]).finish();
        assertRefused(noProject, "no 'project.json'");
        byte[] orphan = withEntry("weights/run-9.safetensors", new byte[8]);
        assertRefused(orphan, "'weights/run-9.safetensors'", "run 9");
    }

    @Test void badWeightsInsideAnArchiveNameTheArchiveAndTheEntry() throws Exception {
        ProjectBundle b = trained();
        byte[] good = ProjectArchive.encode(b);
        SafeZip z = SafeZip.open(good, "x");
        byte[] weights = z.read("weights/run-3.safetensors");
        String header = new String(weights, 8, (int) ByteBuffer.wrap(weights).order(ByteOrder.LITTLE_ENDIAN).getLong(), StandardCharsets.UTF_8);
        String bf16 = header.replaceFirst("\"F32\"", "\"F16\"");
        byte[] bad = weights.clone();
        System.arraycopy(bf16.getBytes(StandardCharsets.UTF_8), 0, bad, 8, bf16.length());
        ZipWriter w = new ZipWriter();
        for (String n : z.names()) w.add(n, n.equals("weights/run-3.safetensors") ? bad : z.read(n));
        assertRefused(w.finish(), "bad.layerlab: weights/run-3.safetensors: tensor", "F16");
    }

    /** The offset of the central directory header of {@code name}. */
    static int centralHeader(byte[] zip, String name) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 + n.length <= zip.length; i++) {
            if (b.getInt(i) == 0x02014b50 && Short.toUnsignedInt(b.getShort(i + 28)) == n.length
                    && java.util.Arrays.equals(zip, i + 46, i + 46 + n.length, n, 0, n.length)) return i;
        }
        throw new AssertionError("no central header for " + name);
    }
}
