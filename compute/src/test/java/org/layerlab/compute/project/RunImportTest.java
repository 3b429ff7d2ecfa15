package org.layerlab.compute.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Collecting a class's runs: named after their files, renumbered, parents kept within a file, bad files named. */
class RunImportTest {
    @TempDir Path dir;

    static RunHistory run(int id, String name, Integer parent, Long fork, double... losses) {
        long[] steps = new long[losses.length];
        double[] epochs = new double[losses.length], seconds = new double[losses.length];
        for (int i = 0; i < losses.length; i++) { steps[i] = 10L * (i + 1); epochs[i] = i + 1; seconds[i] = 0.5 * (i + 1); }
        Map<String, RunHistory.Series> series = new LinkedHashMap<>();
        series.put("batch/loss", new RunHistory.Series(steps, epochs, seconds, losses));
        return new RunHistory(id, name, "completed", "", true, id - 1, Map.of("Optimizer", "Adam"), parent, fork, 1.7e12, series);
    }

    Path save(String name, List<RunHistory> runs) throws Exception {
        Path f = dir.resolve(name + ".layerlab");
        ProjectArchive.write(ProjectBundle.of(ProjectFilesTest.sample().withRuns(runs)), f);
        return f;
    }

    @Test void runsAreNamedAfterTheirFilesAndRenumberedWithParentsKeptInsideEachFile() throws Exception {
        Path alice = save("alice", List.of(run(1, "Run 1", null, null, 0.9, 0.5), run(2, "Run 2", 1, 10L, 0.4, 0.3)));
        Path bob = save("bob", List.of(run(1, "Run 1", null, null, 0.8, 0.7)));
        Path empty = save("carol", List.of());
        Path broken = dir.resolve("dave.layerlab");
        Files.writeString(broken, "{ not a project");

        RunImport.Result r = RunImport.read(List.of(alice, bob, empty, broken));
        assertEquals(List.of("alice · Run 1", "alice · Run 2", "bob"), r.runs().stream().map(i -> i.run().name()).toList());
        assertEquals(2, r.files());
        assertEquals(2, r.problems().size(), r.problems().toString());
        assertTrue(r.problems().get(0).startsWith("carol.layerlab: holds no runs"), r.problems().get(0));
        assertTrue(r.problems().get(1).contains("dave.layerlab"), r.problems().get(1));

        List<RunHistory> n = RunImport.renumber(r.runs(), 4);
        assertEquals(List.of(4, 5, 6), n.stream().map(RunHistory::id).toList());
        assertEquals(5, n.get(1).id());
        assertEquals(4, n.get(1).parentRunId(), "alice's Run 2 still branches from alice's Run 1");
        assertEquals(10L, n.get(1).forkStep());
        assertNull(n.get(2).parentRunId(), "bob's run 1 is not alice's");
        assertEquals(List.of(3, 4, 5), n.stream().map(RunHistory::colorIndex).toList(), "each run its own colour");
        assertEquals(r.runs().get(0).run().series(), n.get(0).series(), "every point comes along");
    }

    @Test void aParentThatStayedBehindIsDropped() {
        var only = List.of(new RunImport.Imported(0, run(7, "x · Run 7", 3, 40L, 0.2)));
        RunHistory r = RunImport.renumber(only, 1).get(0);
        assertEquals(1, r.id());
        assertNull(r.parentRunId());
        assertNull(r.forkStep());
    }
}
