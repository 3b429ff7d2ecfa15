package org.layerlab.compute.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving keeps the file's nature: permissions, symbolic links, any legal name; interrupted saves leave nothing for long. */
class SaveNatureTest {
    @TempDir Path dir;

    static List<Path> list(Path d) throws Exception {
        try (var s = Files.list(d)) { return s.sorted().toList(); }
    }

    @Test void anExistingFileKeepsItsPermissions() throws Exception {
        Project p = ProjectFilesTest.sample();
        for (String perms : List.of("rw-r--r--", "rw-rw-r--", "rw-r-----")) {
            Path f = dir.resolve("shared-" + perms.hashCode() + ".layerlab");
            Files.writeString(f, "old");
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(perms));
            ProjectFiles.write(p, f);
            assertEquals(perms, PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), "a teacher's file stays readable to students");
            assertEquals(p, ProjectFiles.read(f));
        }
    }

    @Test void aNewFileFollowsTheUmask() throws Exception {
        Path reference = Files.createFile(dir.resolve("reference")); // created with the umask's permissions
        Path f = dir.resolve("new.layerlab");
        ProjectFiles.write(ProjectFilesTest.sample(), f);
        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(f));
    }

    @Test void savingThroughASymbolicLinkWritesItsTarget() throws Exception {
        Path real = Files.createDirectories(dir.resolve("real")).resolve("project.layerlab");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.layerlab"), Path.of("real", "project.layerlab"));
        ProjectFiles.write(ProjectFilesTest.sample(), link);
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertEquals(ProjectFilesTest.sample(), ProjectFiles.read(real));
        assertEquals(List.of(real), list(real.getParent()), "the temporary file was beside the target and is gone");
    }

    @Test void aLegalNameOf250BytesSaves() throws Exception {
        String name = "p".repeat(250 - ProjectFiles.EXTENSION.length()) + ProjectFiles.EXTENSION;
        assertEquals(250, name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        Path f = dir.resolve(name);
        ProjectFiles.write(ProjectFilesTest.sample(), f);
        assertEquals(ProjectFilesTest.sample(), ProjectFiles.read(f));
    }

    @Test void leftoversOfInterruptedSavesAreRemovedByTheNextSave() throws Exception {
        Path f = dir.resolve("demo.layerlab");
        // A process that died mid-save (no such pid), an old version's temporary name, and a live stranger's file.
        Path dead = Files.writeString(dir.resolve(AtomicFiles.TMP_PREFIX + "2147483646-abc" + AtomicFiles.TMP_SUFFIX), "half");
        Path legacy = Files.writeString(dir.resolve(".demo.layerlab8123456789012345.tmp"), "half");
        long livePid = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L);
        Path live = Files.writeString(dir.resolve(AtomicFiles.TMP_PREFIX + livePid + "-abc" + AtomicFiles.TMP_SUFFIX), "writing");
        ProjectFiles.write(ProjectFilesTest.sample(), f);
        assertFalse(Files.exists(dead));
        assertFalse(Files.exists(legacy));
        assertTrue(Files.exists(live), "a save of a process that still runs may be under way");
        assertEquals(List.of(live, f), list(dir));
    }

    @Test void startUpCleaningRemovesOrphansInAFolder() throws Exception {
        Path dead = Files.writeString(dir.resolve(AtomicFiles.TMP_PREFIX + "2147483646-1" + AtomicFiles.TMP_SUFFIX), "half");
        Path other = Files.writeString(dir.resolve("notes.txt"), "keep");
        AtomicFiles.cleanLeftovers(dir);
        assertEquals(List.of(other), list(dir));
        assertFalse(Files.exists(dead));
    }
}
