package org.layerlab.compute.project;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collecting a class: the runs of several project files (each student's), named after their file, to overlay in one
 * run list. Files that cannot be read are reported by name and skipped; the others still come in.
 */
public final class RunImport {
    private RunImport() {}

    /** A run read from the {@code file}-th file (ids repeat across files; parent links stay within one). */
    public record Imported(int file, RunHistory run) {}

    /** The runs read, in file order, and one line for each file that could not be read or held no runs. */
    public record Result(List<Imported> runs, List<String> problems) {
        public Result {
            runs = List.copyOf(runs);
            problems = List.copyOf(problems);
        }

        /** How many files gave runs. */
        public long files() { return runs.stream().mapToInt(Imported::file).distinct().count(); }
    }

    /**
     * Reads every file's runs (it reads files: call it off the FX thread). A run is named "FILE · RUN" after the
     * file's name without ".layerlab" ("alice · Run 2"), or just "FILE" when the file has one run.
     */
    public static Result read(List<Path> files) {
        List<Imported> runs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            List<RunHistory> mine;
            try {
                mine = ProjectArchive.read(f).project().runs();
            } catch (ProjectFileException e) {
                problems.add(e.getMessage());
                continue;
            }
            if (mine.isEmpty()) problems.add(ProjectFiles.TEXT.get("noRuns", f.getFileName()));
            String stem = stem(f);
            for (RunHistory r : mine) runs.add(new Imported(i, renamed(r, mine.size() == 1 ? stem : stem + " · " + r.name())));
        }
        return new Result(runs, problems);
    }

    /**
     * The runs numbered from {@code firstId} in order, each with its own colour; a parent link to a run of the same
     * file is renumbered with it (one to a run that did not come along is dropped, with its fork step).
     */
    public static List<RunHistory> renumber(List<Imported> runs, int firstId) {
        Map<String, Integer> newIds = new HashMap<>();
        int next = firstId;
        for (Imported r : runs) newIds.put(r.file() + "/" + r.run().id(), next++);
        List<RunHistory> out = new ArrayList<>();
        for (Imported i : runs) {
            RunHistory r = i.run();
            int id = newIds.get(i.file() + "/" + r.id());
            Integer parent = r.parentRunId() == null ? null : newIds.get(i.file() + "/" + r.parentRunId());
            out.add(new RunHistory(id, r.name(), r.status(), r.message(), r.visible(), id - 1, r.settings(), parent,
                    parent == null ? null : r.forkStep(), r.startWallMillis(), r.series()));
        }
        return out;
    }

    private static RunHistory renamed(RunHistory r, String name) {
        return new RunHistory(r.id(), name, r.status(), r.message(), r.visible(), r.colorIndex(), r.settings(), r.parentRunId(),
                r.forkStep(), r.startWallMillis(), r.series());
    }

    private static String stem(Path f) {
        String n = f.getFileName().toString();
        return n.endsWith(ProjectFiles.EXTENSION) ? n.substring(0, n.length() - ProjectFiles.EXTENSION.length()) : n;
    }
}
