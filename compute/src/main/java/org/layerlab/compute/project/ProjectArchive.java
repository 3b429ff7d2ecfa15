package org.layerlab.compute.project;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.layerlab.compute.export.TrainedModel;
import org.layerlab.compute.export.WeightsFile;
import org.layerlab.compute.text.Messages;

/**
 * The project file, format version 3: one zip archive holding
 * <ul>
 *   <li>{@value #PROJECT_ENTRY}: the project as versioned JSON (the whole of a version 2 file, "version": 3);</li>
 *   <li>{@code weights/run-<id>.safetensors}: the final weights of run {@code id}, and
 *       {@code weights/run-<id>-best.safetensors} its best checkpoint when one was chosen ({@link WeightsFile});</li>
 *   <li>{@code data/…}: data embedded with the project ({@link ProjectBundle#entries()}).</li>
 * </ul>
 * Version 1 and 2 files (plain JSON) still open, without weights. Everything is checked: the archive by
 * {@link SafeZip}, the JSON by {@link ProjectFiles}, each weights file by {@link WeightsFile}; problems name the file
 * and the entry. Writing is atomic.
 */
public final class ProjectArchive {
    public static final String PROJECT_ENTRY = "project.json";
    private static final Pattern WEIGHTS = Pattern.compile("weights/run-([1-9][0-9]{0,8})(-best)?\\.safetensors");
    private static final Messages TEXT = Messages.of("org.layerlab.compute.i18n.container", ProjectArchive.class);
    /** Files above this are refused before reading (everything is held in memory). */
    static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 64;

    private ProjectArchive() {}

    public static String weightsEntry(int runId, boolean best) {
        return "weights/run-" + runId + (best ? "-best" : "") + ".safetensors";
    }

    /** The archive's bytes. Weights of runs the project no longer has are left out. */
    public static byte[] encode(ProjectBundle b) {
        ZipWriter zip = new ZipWriter().add(PROJECT_ENTRY, ProjectFiles.toJson(b.project()).getBytes(StandardCharsets.UTF_8));
        Set<Integer> runs = b.project().runs().stream().map(RunHistory::id).collect(Collectors.toSet());
        for (Map.Entry<Integer, RunWeights> w : b.weights().entrySet()) {
            if (!runs.contains(w.getKey())) continue;
            zip.add(weightsEntry(w.getKey(), false), WeightsFile.encode(w.getValue().last()));
            if (w.getValue().best() != null) zip.add(weightsEntry(w.getKey(), true), WeightsFile.encode(w.getValue().best()));
        }
        b.entries().forEach(zip::add);
        return zip.finish();
    }

    public static void write(ProjectBundle b, Path file) throws ProjectFileException {
        AtomicFiles.write(file, encode(b));
    }

    /** Reads a project file of any version: a version 3 archive, or a version 1 or 2 JSON file (no weights). */
    public static ProjectBundle read(Path file) throws ProjectFileException {
        return decode(FileReading.readBytes(file), file.toString());
    }

    static byte[] readBytes(Path file) throws ProjectFileException {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) throw new ProjectFileException(TEXT.get("fileTooLarge", file, size));
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ProjectFileException(file + ": file not found");
        } catch (IOException e) {
            throw new ProjectFileException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Decodes a project file's bytes (archive or plain JSON); {@code source} names it in messages. */
    public static ProjectBundle decode(byte[] bytes, String source) throws ProjectFileException {
        if (!SafeZip.looksLikeZip(bytes)) return ProjectBundle.of(ProjectFiles.parse(text(bytes, source), source));
        SafeZip zip = SafeZip.open(bytes, source);
        if (!zip.has(PROJECT_ENTRY)) throw new ProjectFileException(TEXT.get("noProject", source, PROJECT_ENTRY));
        Project project = ProjectFiles.parse(text(zip.read(PROJECT_ENTRY), source + ": " + PROJECT_ENTRY), source + ": " + PROJECT_ENTRY);
        Set<Integer> runs = project.runs().stream().map(RunHistory::id).collect(Collectors.toSet());
        Map<Integer, TrainedModel> last = new LinkedHashMap<>(), best = new LinkedHashMap<>();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (String name : zip.names()) {
            if (name.equals(PROJECT_ENTRY) || name.endsWith("/")) continue;
            Matcher m = WEIGHTS.matcher(name);
            if (m.matches()) {
                int id = Integer.parseInt(m.group(1));
                if (!runs.contains(id)) throw new ProjectFileException(TEXT.get("inEntry", source, name, TEXT.get("noSuchRun", id)));
                TrainedModel model = WeightsFile.decode(zip.read(name), source + ": " + name);
                (m.group(2) == null ? last : best).put(id, model);
            } else if (ProjectBundle.isEntryName(name)) {
                entries.put(name, zip.read(name));
            } else {
                throw new ProjectFileException(TEXT.get("inEntry", source, name, TEXT.get("unexpected")));
            }
        }
        Map<Integer, RunWeights> weights = new LinkedHashMap<>();
        for (RunHistory r : project.runs()) {
            TrainedModel l = last.get(r.id()), b = best.get(r.id());
            if (l == null && b != null) {
                throw new ProjectFileException(TEXT.get("inEntry", source, weightsEntry(r.id(), true), TEXT.get("bestWithoutLast", weightsEntry(r.id(), false))));
            }
            if (l != null) weights.put(r.id(), new RunWeights(l, b));
        }
        return new ProjectBundle(project, weights, entries);
    }

    private static String text(byte[] bytes, String source) throws ProjectFileException {
        return FileReading.decode(bytes, source);
    }
}
