package org.layerlab.compute.project;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Whole-file writes that either replace the target completely or leave it as it was, and keep the file's nature:
 * an existing file keeps its permissions (a new one gets the umask's), saving through a symbolic link writes the
 * link's target (the link stays a link), and the temporary file has a short name of its own, so any legal file
 * name can be saved. Temporary files of a save that was interrupted (a killed process) are removed by the next
 * save into the same folder, or by {@link #cleanLeftovers} at start.
 */
public final class AtomicFiles {
    /** Temporary files are named {@code .layerlab-save-<pid>-<random>.tmp}; the pid tells whose they are. */
    static final String TMP_PREFIX = ".layerlab-save-", TMP_SUFFIX = ".tmp";
    /** Temporary files this process is writing now (a concurrent save must not delete them). */
    private static final Set<Path> IN_FLIGHT = ConcurrentHashMap.newKeySet();

    private AtomicFiles() {}

    /** Writes a temporary file beside {@code file}, flushes it to disk, then renames it over {@code file}. */
    public static void write(Path file, byte[] bytes) throws ProjectFileException {
        Path target;
        try {
            target = resolveLinks(file);
        } catch (IOException e) {
            throw new ProjectFileException(file + ": cannot save: " + e.getMessage() + " (the previous file is unchanged)", e);
        }
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            cleanLeftovers(dir);
            cleanLegacyLeftovers(target);
            PosixFileAttributes existing = posix(target);
            tmp = dir.resolve(TMP_PREFIX + ProcessHandle.current().pid() + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + TMP_SUFFIX);
            IN_FLIGHT.add(tmp);
            // CREATE_NEW without attributes: a new file gets the umask's permissions (createTempFile would force 0600).
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true);
            }
            if (existing != null) keepNature(tmp, existing);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory(dir);
        } catch (AccessDeniedException e) {
            throw new ProjectFileException(file + ": cannot save: permission denied for " + e.getFile() + " (the previous file is unchanged)", e);
        } catch (IOException e) {
            throw new ProjectFileException(file + ": cannot save: " + e.getMessage() + " (the previous file is unchanged)", e);
        } finally {
            if (tmp != null) {
                try { Files.deleteIfExists(tmp); } catch (IOException ignored) { /* best effort */ }
                IN_FLIGHT.remove(tmp);
            }
        }
    }

    /**
     * Removes temporary files of saves that did not finish in {@code dir}: those of processes that are gone, and
     * this process's own that no save is writing now. Never fails; a file that cannot be removed stays.
     */
    public static void cleanLeftovers(Path dir) {
        if (!Files.isDirectory(dir)) return;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, TMP_PREFIX + "*" + TMP_SUFFIX)) {
            long self = ProcessHandle.current().pid();
            for (Path f : files) {
                long pid = pidOf(f.getFileName().toString());
                boolean orphan = pid < 0 || (pid == self ? !IN_FLIGHT.contains(f.toAbsolutePath()) && !IN_FLIGHT.contains(f)
                        : ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true));
                if (orphan && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    try { Files.deleteIfExists(f); } catch (IOException ignored) { /* someone else's, or gone */ }
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // Cleaning is a courtesy; the save itself must not fail for it.
        }
    }

    /** Earlier versions named the temporary file after the target ({@code .<name><random>.tmp}); those are orphans now. */
    private static void cleanLegacyLeftovers(Path target) {
        String name = target.getFileName().toString();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(target.getParent(), "." + name + "*" + TMP_SUFFIX)) {
            for (Path f : files) {
                String digits = f.getFileName().toString().substring(name.length() + 1, f.getFileName().toString().length() - TMP_SUFFIX.length());
                if (digits.matches("\\d+") && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) Files.deleteIfExists(f);
            }
        } catch (IOException | RuntimeException ignored) {
            // A courtesy, as above.
        }
    }

    private static long pidOf(String name) {
        int a = TMP_PREFIX.length(), b = name.indexOf('-', a);
        try {
            return b > a ? Long.parseLong(name.substring(a, b)) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The file a path finally names, following symbolic links (also dangling ones, whose target is then created). */
    static Path resolveLinks(Path file) throws IOException {
        Path p = file.toAbsolutePath();
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops > 40) throw new IOException("too many levels of symbolic links");
            Path link = Files.readSymbolicLink(p);
            p = p.getParent().resolve(link).normalize();
        }
        return p;
    }

    private static PosixFileAttributes posix(Path target) throws IOException {
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
            return view == null ? null : view.readAttributes();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** The replacement gets the old file's permissions, and its group and owner where this process may set them. */
    private static void keepNature(Path tmp, PosixFileAttributes old) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
        if (view == null) return;
        try { view.setGroup(old.group()); } catch (IOException | SecurityException ignored) { /* not a member: keep ours */ }
        try { view.setOwner(old.owner()); } catch (IOException | SecurityException ignored) { /* only root may */ }
        view.setPermissions(old.permissions());
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException ignored) {
            // Not every system lets a folder be opened; the rename is done either way.
        }
    }
}
