package org.layerlab.compute.project;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The child of {@link SaveKillTest}: saves two large contents over one file, alternately, until killed.
 * Arguments: target file, file holding content A, file holding content B. Prints "saving" after its first save (of B).
 */
public final class SaveLoop {
    private SaveLoop() {}

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        byte[] a = Files.readAllBytes(Path.of(args[1])), b = Files.readAllBytes(Path.of(args[2]));
        AtomicFiles.write(target, b);
        System.out.println("saving"); // after one whole save: the code is loaded, the next saves follow back to back
        System.out.flush();
        for (long i = 0; ; i++) AtomicFiles.write(target, (i & 1) == 0 ? a : b);
    }
}
