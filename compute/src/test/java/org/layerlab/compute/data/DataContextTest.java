package org.layerlab.compute.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data file names in a project: relative to the project's folder when inside it, resolved against that folder. */
class DataContextTest {
    @TempDir Path dir;

    @Test void aFileInsideTheProjectFolderIsNamedRelativeToItAndResolvesBack() {
        Path project = dir.resolve("course");
        Path file = project.resolve("data").resolve("scores.csv");
        assertEquals("data/scores.csv", DataContext.nameFor(file, project));
        assertEquals(file, DataContext.of(project).resolve("data/scores.csv"));
    }

    @Test void aFileOutsideTheProjectFolderOrWithoutOneKeepsItsAbsoluteName() {
        Path project = dir.resolve("course");
        Path outside = dir.resolve("elsewhere").resolve("scores.csv");
        assertEquals(outside.toString(), DataContext.nameFor(outside, project));
        assertEquals(outside.toString(), DataContext.nameFor(outside, null), "an unsaved project has no folder yet");
        Path sibling = dir.resolve("course-old").resolve("a.csv");
        assertEquals(sibling.toString(), DataContext.nameFor(sibling, project), "a folder whose name only starts the same is outside");
        assertEquals(outside, DataContext.of(project).resolve(outside.toString()), "an absolute name stays as it is");
    }
}
