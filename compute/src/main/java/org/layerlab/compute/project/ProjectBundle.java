package org.layerlab.compute.project;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything a version-3 project file holds: the project, the weights of the runs that have them (by run id), and
 * further named entries (data embedded with the project, under {@value #DATA_FOLDER}). Immutable; entry bytes are
 * owned by the bundle and must not be changed.
 */
public record ProjectBundle(Project project, Map<Integer, RunWeights> weights, Map<String, byte[]> entries) {
    /** Where embedded entries live in the archive; names are relative paths under it ("data/points.csv"). */
    public static final String DATA_FOLDER = "data/";
    private static final Pattern ENTRY_NAME = Pattern.compile("data/[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

    public ProjectBundle {
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        for (String name : entries.keySet()) checkEntryName(name);
    }

    /** A project with no weights and no embedded entries (what version 1 and 2 files hold). */
    public static ProjectBundle of(Project p) { return new ProjectBundle(p, Map.of(), Map.of()); }

    public ProjectBundle withProject(Project p) { return new ProjectBundle(p, weights, entries); }

    public ProjectBundle withWeights(int runId, RunWeights w) {
        Map<Integer, RunWeights> m = new LinkedHashMap<>(weights);
        m.put(runId, w);
        return new ProjectBundle(project, m, entries);
    }

    public ProjectBundle withWeights(Map<Integer, RunWeights> all) { return new ProjectBundle(project, all, entries); }

    /** Adds or replaces an embedded entry; {@code name} starts with {@value #DATA_FOLDER} (letters, digits, ".", "_", "-"). */
    public ProjectBundle withEntry(String name, byte[] bytes) {
        Map<String, byte[]> m = new LinkedHashMap<>(entries);
        m.put(name, bytes);
        return new ProjectBundle(project, weights, m);
    }

    public Optional<byte[]> entry(String name) { return Optional.ofNullable(entries.get(name)); }

    public Optional<RunWeights> weightsOf(int runId) { return Optional.ofNullable(weights.get(runId)); }

    /** Whether {@code name} may be an embedded entry's name. */
    public static boolean isEntryName(String name) { return ENTRY_NAME.matcher(name).matches() && !name.contains(".."); }

    private static void checkEntryName(String name) {
        if (!isEntryName(name)) throw new IllegalArgumentException("embedded entry names are data/… paths of letters, digits, '.', '_' and '-': " + name);
    }
}
