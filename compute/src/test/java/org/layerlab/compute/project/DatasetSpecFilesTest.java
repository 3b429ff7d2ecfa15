package org.layerlab.compute.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.data.DataSources;

/** A project file stores data file names relative to its folder; the open project holds their full names. */
class DatasetSpecFilesTest {
    @TempDir Path dir;

    private static DatasetSpec idx(String images, String labels) throws Exception {
        return new DatasetSpec(DataSources.IDX.id(), Params.of(DataSources.IDX.params(), Map.of("images", images, "labels", labels)));
    }

    @Test void namesReadFromAProjectResolveAgainstItsFolderAndAreStoredRelativeWhenInside() throws Exception {
        Path course = dir.resolve("course");
        DatasetSpec stored = idx("data/train-images.gz", dir.resolve("shared").resolve("labels.gz").toString());
        DatasetSpec open = stored.withFilesResolvedAgainst(course);
        assertEquals(course.resolve("data/train-images.gz").toString(), open.params().getString("images"));
        assertEquals(dir.resolve("shared").resolve("labels.gz").toString(), open.params().getString("labels"), "absolute stays");
        assertEquals("", open.params().getString("testImages"), "an empty name stays empty");
        assertEquals(stored, open.withFilesRelativeTo(course), "saved back where it came from: as it was");
        assertEquals("course/data/train-images.gz", open.withFilesRelativeTo(dir).params().getString("images"), "saved in the parent folder");
        assertEquals(course.resolve("data/train-images.gz").toString(), open.withFilesRelativeTo(dir.resolve("other")).params().getString("images"),
                "saved elsewhere: the full name");
    }

    @Test void sourcesWithoutFilesAreLeftAlone() {
        DatasetSpec spirals = new DatasetSpec("two-spirals", DataSources.CATALOG.get("two-spirals").defaultParams());
        assertSame(spirals, spirals.withFilesResolvedAgainst(dir).withFilesRelativeTo(dir));
        assertSame(spirals, spirals.withFilesResolvedAgainst(null));
    }
}
