package org.layerlab.compute.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lesson travels in the project file: text, steps and locks, and its images as embedded entries. */
class LessonFileTest {
    @TempDir Path dir;

    static final String TEXT = """
            # Circles and features

            A *single* Output head draws a straight line.

            ## Try x₁² and x₂²
            Tick **x₁²** and **x₂²** on the Feature inputs card, then press Train.

            ```
            ## not a step: inside a code block
            ```

            ## What did you see?
            ![the boundary](lesson/boundary.png)
            """;

    static Project withLesson() throws Exception {
        return ProjectFilesTest.sample().withLesson(new Lesson(TEXT, Set.of(Lesson.Lock.PALETTE, Lesson.Lock.TRAINING)));
    }

    @Test void stepsStartAtLevelTwoHeadingsOutsideCode() {
        List<String> steps = new Lesson(TEXT, Set.of()).steps();
        assertEquals(3, steps.size(), steps.toString());
        assertTrue(steps.get(0).startsWith("# Circles and features"));
        assertTrue(steps.get(1).startsWith("## Try x₁² and x₂²") && steps.get(1).contains("## not a step"), steps.get(1));
        assertTrue(steps.get(2).startsWith("## What did you see?"));
        assertEquals(List.of(), Lesson.NONE.steps());
    }

    @Test void aLessonAndItsImagesSurviveSaveAndOpen() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        ProjectBundle b = ProjectBundle.of(withLesson()).withEntry(Lesson.IMAGE_FOLDER + "boundary.png", png);
        Path file = dir.resolve("lesson.layerlab");
        ProjectArchive.write(b, file);
        ProjectBundle back = ProjectArchive.read(file);
        assertEquals(b.project().lesson(), back.project().lesson());
        assertEquals(List.of("palette", "training"), back.project().lesson().lockIds());
        assertEquals(new String(png, StandardCharsets.ISO_8859_1),
                new String(back.entry("data/lesson/boundary.png").orElseThrow(), StandardCharsets.ISO_8859_1));
    }

    @Test void aProjectWithoutALessonWritesNoLessonSection() throws Exception {
        String json = ProjectFiles.toJson(withLesson().withLesson(Lesson.NONE));
        assertFalse(json.contains("\"lesson\""), json);
        assertTrue(ProjectFiles.parse(json, "x.layerlab").lesson().isEmpty());
    }

    @Test void unknownOrRepeatedLocksAreRefusedNamingTheirPlace() throws Exception {
        String json = ProjectFiles.toJson(withLesson());
        var e = assertThrows(ProjectFileException.class,
                () -> ProjectFiles.parse(json.replace("\"training\" ]", "\"traning\" ]"), "l.layerlab"));
        assertTrue(e.getMessage().startsWith("l.layerlab: lesson.locked[1]: \"traning\" is not something a lesson can lock; it can lock palette, properties,"),
                e.getMessage());
        e = assertThrows(ProjectFileException.class,
                () -> ProjectFiles.parse(json.replace("\"training\" ]", "\"palette\" ]"), "l.layerlab"));
        assertEquals("l.layerlab: lesson.locked[1]: \"palette\" is listed twice", e.getMessage());
        e = assertThrows(ProjectFileException.class,
                () -> ProjectFiles.parse(json.replace("\"locked\" :", "\"lockd\" :"), "l.layerlab"));
        assertTrue(e.getMessage().contains("lockd"), e.getMessage());
    }
}
