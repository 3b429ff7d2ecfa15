package org.layerlab.compute.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Instructions a teacher puts into a project: CommonMark text whose level-2 headings ("## Try a smaller learning
 * rate") start the steps a student works through, and the parts of the window locked while the project is opened in
 * student mode. Images in the text name entries embedded in the project ({@code ![boundary](lesson/boundary.png)} is
 * the entry {@code data/lesson/boundary.png}). A project without a lesson has {@link #NONE}.
 */
public record Lesson(String text, Set<Lock> locked) {
    public static final Lesson NONE = new Lesson("", Set.of());
    /** Embedded lesson images live under this folder of the project container. */
    public static final String IMAGE_FOLDER = ProjectBundle.DATA_FOLDER + "lesson/";

    /** What a lesson can lock for students; the file names each by its id. */
    public enum Lock {
        /** The layer palette: no layers can be added. */
        PALETTE("palette"),
        /** The layer properties: settings can be read, not changed. */
        PROPERTIES("properties"),
        /** The data set: the Data panel cannot be opened. */
        DATA("data"),
        /** The run settings: the Training panel is hidden. */
        TRAINING("training"),
        /** Exporting the model. */
        EXPORT("export");

        public final String id;

        Lock(String id) { this.id = id; }

        public static java.util.Optional<Lock> of(String id) {
            for (Lock l : values()) if (l.id.equals(id)) return java.util.Optional.of(l);
            return java.util.Optional.empty();
        }

        public static List<String> ids() { return java.util.Arrays.stream(values()).map(l -> l.id).toList(); }
    }

    public Lesson {
        text = text == null ? "" : text;
        locked = Set.copyOf(locked);
    }

    public boolean isEmpty() { return text.isBlank() && locked.isEmpty(); }

    public Lesson withText(String t) { return new Lesson(t, locked); }

    public Lesson withLocked(Set<Lock> l) { return new Lesson(text, l); }

    /** The lock ids in a stable order, as a file lists them. */
    public List<String> lockIds() {
        Set<String> ids = new TreeSet<>();
        for (Lock l : locked) ids.add(l.id);
        return List.copyOf(ids);
    }

    /**
     * The steps: the text before the first level-2 heading is the introduction (step 0, when not blank), and each
     * "## " heading starts the next. Headings inside fenced code blocks do not count.
     */
    public List<String> steps() {
        List<String> steps = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean fenced = false;
        for (String line : text.split("\n", -1)) {
            String t = line.stripLeading();
            if (t.startsWith("```") || t.startsWith("~~~")) fenced = !fenced;
            if (!fenced && line.startsWith("## ") && !current.toString().isBlank()) {
                steps.add(current.toString().strip());
                current.setLength(0);
            }
            current.append(line).append('\n');
        }
        if (!current.toString().isBlank()) steps.add(current.toString().strip());
        return steps;
    }
}
