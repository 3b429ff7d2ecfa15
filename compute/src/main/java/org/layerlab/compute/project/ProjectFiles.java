package org.layerlab.compute.project;

import com.fasterxml.jackson.core.JsonLocation;
import java.io.IOException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.layerlab.compute.catalog.CatalogEntry;
import org.layerlab.compute.catalog.InvalidParamException;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.data.DataSource;
import org.layerlab.compute.data.DataSources;
import org.layerlab.compute.data.DataSplit;
import org.layerlab.compute.data.DrawnPoint;
import org.layerlab.compute.data.Normalization;
import org.layerlab.compute.graph.Edge;
import org.layerlab.compute.graph.GraphException;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.Node;
import org.layerlab.compute.layers.LayerTypes;
import org.layerlab.compute.nn.Losses;
import org.layerlab.compute.nn.Optimizers;
import org.layerlab.compute.nn.Schedules;
import org.layerlab.compute.layers.Conv2DLayer;
import org.layerlab.compute.layers.DenseLayer;
import org.layerlab.compute.layers.LayerType;
import org.layerlab.compute.layers.OutputLayer;
import org.layerlab.compute.text.Messages;
import org.layerlab.compute.train.TrainingConfig;
import org.layerlab.compute.train.TrainingSettings;

/**
 * Reads and writes project files: versioned JSON, data only. Reading checks everything against the catalogs and
 * reports the first problem with its place ("graph.nodes[2].params.units: …"); writing is atomic. Version 2 added
 * the runs; version 1 files (no runs) still open. Version 3 puts this JSON in a zip archive with the runs' weights
 * ({@link ProjectArchive}); the JSON itself is unchanged.
 */
public final class ProjectFiles {
    public static final String FORMAT = "layerlab-project";
    public static final int VERSION = 3;
    public static final String EXTENSION = ".layerlab";

    static final Messages TEXT = Messages.of("org.layerlab.compute.i18n.filerules", ProjectFiles.class);

    // Strict: a duplicated key, a fraction or an out-of-range number in an integer field, a null in a number column
    // and text standing in for a number are errors, never silently coerced ("batchSize": 16.9 is not 16).
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /** The old place of the loss, read only to migrate it (see {@code Converter.migrateLoss}). */
    private static final String OLD_LOSS = "loss";
    /** The old place of the validation share (now the data set's split), read only to migrate it. */
    private static final String OLD_VALIDATION_SPLIT = "validationSplit";
    private static final Messages TRAINING_TEXT = Messages.of("org.layerlab.compute.i18n.training", ProjectFiles.class);

    private static final ObjectReader HEADER = MAPPER.readerFor(Header.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The fields that say what a file is. */
    private record Header(String format, Integer version) {}

    private ProjectFiles() {}

    /** Reads a project file of any version (a version 3 archive's weights and entries are skipped: see {@link ProjectArchive}). */
    public static Project read(Path file) throws ProjectFileException {
        return ProjectArchive.read(file).project();
    }

    /** Parses project JSON; {@code source} names it in messages. */
    public static Project parse(String json, String source) throws ProjectFileException {
        if (json.startsWith("\uFEFF")) json = json.substring(1); // a byte-order mark some editors write
        try {
            // The header alone first (skipping the rest is cheap): a newer file is refused for its version, not
            // for the fields it added.
            if (!json.stripLeading().startsWith("{")) throw new ProjectFileException(source + ": line 1, column 1: not a LayerLab project (expected a JSON object)");
            Header header = HEADER.readValue(json);
            if (!FORMAT.equals(header.format())) {
                throw new ProjectFileException(source + ": format: not a LayerLab project (\"format\" should be \"" + FORMAT + "\")");
            }
            int version = header.version() == null ? -1 : header.version();
            if (version < 1) throw new ProjectFileException(source + ": version: must be a positive whole number");
            if (version > VERSION) {
                throw new ProjectFileException(source + ": version: written by a newer LayerLab (format version " + version
                        + "); this version reads up to " + VERSION);
            }
            ProjectDocument doc = MAPPER.readValue(json, ProjectDocument.class);
            return new Converter(source).toProject(doc);
        } catch (JsonProcessingException e) {
            throw new ProjectFileException(source + ": " + describe(e), e);
        }
    }

    public static String toJson(Project p) {
        try {
            return MAPPER.writeValueAsString(toDocument(p)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode project", e);
        }
    }

    /** Writes a version 3 archive (no weights) atomically: see {@link ProjectArchive#write}. */
    public static void write(Project p, Path file) throws ProjectFileException {
        ProjectArchive.write(ProjectBundle.of(p), file);
    }

    /** A graph alone as JSON, the shape of a project file's "graph" section (weights files carry their run's graph so). */
    public static String graphToJson(ModelGraph g) {
        try {
            return MAPPER.writeValueAsString(toDocument(g));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode graph", e);
        }
    }

    /** Parses and checks a graph written by {@link #graphToJson}; {@code source} names it in messages. */
    public static ModelGraph parseGraph(String json, String source) throws ProjectFileException {
        try {
            return new Converter(source).toGraph(MAPPER.readValue(json, ProjectDocument.GraphDoc.class), false);
        } catch (JsonProcessingException e) {
            throw new ProjectFileException(source + ": " + describe(e), e);
        }
    }

    /**
     * Jackson's complaint in the project's words, with its place: the JSON path when there is one ("graph.edges[3].port:"),
     * and the line and column; long values cut, no Java type names.
     */
    static String describe(JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        String where = loc == null || loc.getLineNr() < 0 ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
        String path = e instanceof JsonMappingException m && !m.getPath().isEmpty() ? pathOf(m) : "";
        String place = path.isEmpty() ? where : where.isEmpty() ? path : path + " (" + where + ")";
        if (place.isEmpty()) place = "line 1, column 1";
        return place + ": " + problemOf(e).replace("`", "'").replace("JsonToken.", "");
    }

    private static String problemOf(JsonProcessingException e) {
        String original = String.valueOf(e.getOriginalMessage()).split("\n")[0];
        if (e instanceof UnrecognizedPropertyException u) {
            return cut(TEXT.get("unknownField", u.getPropertyName())) + known(u);
        }
        if (e instanceof InputCoercionException ic) return TEXT.get("outOfRange", cut(String.valueOf(tokenText(ic))));
        if (original.startsWith("Numeric value (") && original.contains("out of range")) return TEXT.get("outOfRange", cut(valueIn(original)));
        if (e instanceof JsonEOFException) return TEXT.get("truncated");
        if (original.startsWith("Duplicate field '")) {
            String field = original.substring("Duplicate field '".length(), Math.max("Duplicate field '".length(), original.lastIndexOf('\'')));
            return TEXT.get("duplicate", cut(field));
        }
        if (e instanceof MismatchedInputException mi) {
            String got = tokenName(mi, original);
            Class<?> type = mi.getTargetType();
            if (type != null && (type == Integer.class || type == Long.class || type == int.class || type == long.class
                    || type == long[].class) && original.contains("Floating-point")) {
                return TEXT.get("wholeNumber", cut(valueIn(original)));
            }
            if (type != null && original.contains("out of range")) return TEXT.get("outOfRange", cut(valueIn(original)));
            if (type != null) return TEXT.get("wrongType", kind(type), got);
        }
        if (e instanceof JsonParseException) return TEXT.get("notJson", cut(stripSource(original)));
        return cut(stripSource(original));
    }

    private static String known(UnrecognizedPropertyException u) {
        if (u.getKnownPropertyIds() == null || u.getKnownPropertyIds().isEmpty()) return "";
        List<String> names = u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
        return " (known: " + String.join(", ", names) + ")";
    }

    private static Object tokenText(InputCoercionException e) {
        try {
            return e.getProcessor() != null ? e.getProcessor().getText() : valueIn(e.getOriginalMessage());
        } catch (IOException | RuntimeException x) {
            return valueIn(e.getOriginalMessage());
        }
    }

    /** The first parenthesised value of a Jackson message ("Cannot coerce Floating-point value (16.9) to ..."). */
    private static String valueIn(String message) {
        int a = message.indexOf('('), b = a < 0 ? -1 : message.indexOf(')', a);
        return a >= 0 && b > a ? message.substring(a + 1, b) : "?";
    }

    private static String tokenName(MismatchedInputException e, String original) {
        if (original.contains("VALUE_NUMBER")) return "a number";
        if (original.contains("VALUE_STRING")) return "text";
        if (original.contains("VALUE_TRUE") || original.contains("VALUE_FALSE")) return "true or false";
        if (original.contains("VALUE_NULL")) return "null";
        if (original.contains("String value (")) return "text " + cut(valueIn(original));
        if (original.contains("Floating-point value (") || original.contains("Integer value (")) return "the number " + cut(valueIn(original));
        if (original.contains("Boolean value (")) return cut(valueIn(original));
        if (original.contains("Array value") || original.contains("START_ARRAY")) return "a list";
        if (original.contains("Object value") || original.contains("START_OBJECT")) return "an object";
        try {
            var p = e.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser jp ? jp : null;
            var t = p == null ? null : p.currentToken();
            if (t == null) return "nothing";
            return switch (t) {
                case VALUE_STRING -> "text " + cut("\"" + p.getText() + "\"");
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + cut(p.getText());
                case VALUE_TRUE, VALUE_FALSE -> p.getText();
                case VALUE_NULL -> "null";
                case START_ARRAY -> "a list";
                case START_OBJECT -> "an object";
                default -> cut(String.valueOf(p.getText()));
            };
        } catch (IOException | RuntimeException x) {
            return "something else";
        }
    }

    private static String kind(Class<?> type) {
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) return "a whole number";
        if (type == Double.class || type == double.class || type == Float.class) return "a number";
        if (type == String.class) return "text";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (type.isArray() || List.class.isAssignableFrom(type)) return "a list";
        return "an object";
    }

    /** Jackson's wording without its internals: no source description, no character codes. */
    private static String stripSource(String message) {
        int at = message.indexOf(" at [Source");
        String m = at >= 0 ? message.substring(0, at) : message;
        return m.replaceAll("\\s*\\((?:CTRL-CHAR, )?code -?\\d+\\)", "").replace("`", "'");
    }

    private static final java.util.regex.Pattern SIMPLE_KEY = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_/-]*");

    /** A field name in a path: {@code .units}, or {@code ["odd: name"]} when it is not a plain word (cut when long). */
    static String key(String name) {
        return SIMPLE_KEY.matcher(name).matches() ? "." + name : "[\"" + cut(name).replace("\"", "\\\"") + "\"]";
    }

    /** A value as messages show it: anything over 60 characters cut, with its length (a 5 MB name must not flood a message). */
    static String cut(String s) {
        if (s == null) return "null";
        return s.length() <= 60 ? s : s.substring(0, 40) + "… (" + s.length() + " characters)";
    }

    private static String pathOf(JsonMappingException m) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) sb.append(sb.length() == 0 && SIMPLE_KEY.matcher(r.getFieldName()).matches() ? r.getFieldName() : key(r.getFieldName()));
            else sb.append('[').append(r.getIndex()).append(']');
        }
        return sb.toString();
    }

    private static ProjectDocument.GraphDoc toDocument(ModelGraph g) {
        List<ProjectDocument.NodeDoc> nodes = new ArrayList<>();
        for (Node n : g.nodes()) {
            nodes.add(new ProjectDocument.NodeDoc(n.id(), n.type(), n.name(), new LinkedHashMap<>(n.params().asMap()), n.x(), n.y()));
        }
        List<ProjectDocument.EdgeDoc> edges = g.edges().stream()
                .map(e -> new ProjectDocument.EdgeDoc(e.from(), e.to(), e.port())).toList();
        return new ProjectDocument.GraphDoc(nodes, edges);
    }

    private static ProjectDocument toDocument(Project p) {
        return new ProjectDocument(FORMAT, VERSION, p.name(), p.description(),
                p.lesson().isEmpty() ? null : new ProjectDocument.LessonDoc(p.lesson().text(), p.lesson().lockIds()),
                toDocument(p.graph()),
                toDoc(p.dataset()),
                TrainingSettings.toFile(p.training().settings()),
                p.runs().isEmpty() ? null : p.runs().stream().map(ProjectFiles::toDoc).toList());
    }

    private static ProjectDocument.DatasetDoc toDoc(DatasetSpec d) {
        List<double[]> points = d.points().isEmpty() ? null : d.points().stream().map(q -> new double[] {q.x(), q.y(), q.value()}).toList();
        Normalization n = d.normalization();
        return new ProjectDocument.DatasetDoc(d.source(), new LinkedHashMap<>(d.params().asMap()), new LinkedHashMap<>(d.split().asMap()),
                points, n == null ? null : new ProjectDocument.NormalizationDoc(n.method(), n.offset(), n.scale()), null);
    }

    private static ProjectDocument.RunDoc toDoc(RunHistory r) {
        Map<String, ProjectDocument.SeriesDoc> series = new LinkedHashMap<>();
        for (Map.Entry<String, RunHistory.Series> e : r.series().entrySet()) {
            RunHistory.Series s = e.getValue();
            series.put(e.getKey(), new ProjectDocument.SeriesDoc(s.steps(), micro(s.epochs()), micro(s.seconds()), s.values()));
        }
        return new ProjectDocument.RunDoc(r.id(), r.name(), r.status(), r.message(), r.visible(), r.colorIndex(),
                r.settings(), r.parentRunId(), r.forkStep(), r.startWallMillis(), series);
    }

    /**
     * Rounds x coordinates (epoch position, seconds) to a millionth: finer than any chart can show, and half the
     * digits of a full double, which matters at 100,000 points a series. Values and steps are kept exactly.
     */
    private static double[] micro(double[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) out[i] = Double.isFinite(a[i]) ? Math.round(a[i] * 1e6) / 1e6 : a[i];
        return out;
    }

    /** Checks a parsed document against the catalogs, with the JSON path of each problem. */
    private record Converter(String source) {
        Project toProject(ProjectDocument d) throws ProjectFileException {
            String name = d.name() == null ? "Untitled" : d.name();
            boolean beforeLossHome = d.training() != null && d.training().containsKey(OLD_LOSS);
            ModelGraph graph = toGraph(require(d.graph(), "graph"), beforeLossHome);
            Map<String, Object> section = new LinkedHashMap<>(require(d.training(), "training"));
            if (section.containsKey(OLD_LOSS)) graph = migrateLoss(graph, section.remove(OLD_LOSS));
            // The validation share moved to the data set's split; older files keep it here, and it seeds their split.
            Object oldSplit = section.remove(OLD_VALIDATION_SPLIT);
            TrainingConfig training = toTraining(section);
            DatasetSpec dataset = toDataset(require(d.dataset(), "dataset"), training, oldSplit);
            return new Project(name, d.description() == null ? "" : d.description(), graph, dataset, training, toRuns(d.runs()),
                    toLesson(d.lesson()));
        }

        /** The lesson section: its text, and locks named by the ids student mode knows. */
        Lesson toLesson(ProjectDocument.LessonDoc l) throws ProjectFileException {
            if (l == null) return Lesson.NONE;
            java.util.Set<Lesson.Lock> locks = new java.util.LinkedHashSet<>();
            List<String> ids = l.locked() == null ? List.of() : l.locked();
            for (int i = 0; i < ids.size(); i++) {
                String id = require(ids.get(i), "lesson.locked[" + i + "]");
                Lesson.Lock lock = Lesson.Lock.of(id).orElseThrow(() -> fail("lesson.locked[" + ids.indexOf(id) + "]",
                        TEXT.get("unknownLock", cut(id), String.join(", ", Lesson.Lock.ids()))));
                if (!locks.add(lock)) throw fail("lesson.locked[" + i + "]", TEXT.get("duplicateLock", id));
            }
            return new Lesson(l.text() == null ? "" : l.text(), locks);
        }

        /** The data-set section; an older file's {@code generator} becomes the source and its validation share the split. */
        DatasetSpec toDataset(ProjectDocument.DatasetDoc ds, TrainingConfig training, Object oldSplit) throws ProjectFileException {
            boolean legacy = ds.source() == null && ds.generator() != null;
            if (ds.source() != null && ds.generator() != null) throw fail("dataset.generator", "an older name for \"source\"; give only \"source\"");
            String at = legacy ? "dataset.generator" : "dataset.source";
            String id = legacy ? ds.generator() : require(ds.source(), "dataset.source");
            DataSource source = DataSources.CATALOG.find(id).orElseThrow(() -> fail(at, DataSources.CATALOG.unknownMessage(cut(id))));
            Params settings = params(source, ds.params(), "dataset.params");
            Params split;
            if (ds.split() != null) {
                split = params(DataSplit.PARAMS, ds.split(), "dataset.split");
                try { DataSplit.check(split); } catch (InvalidParamException e) { throw fail("dataset.split", e.getMessage()); }
            } else {
                // Before splits were saved, the validation share was a training setting and the split used its seed.
                Map<String, Object> old = new LinkedHashMap<>();
                old.put("validation", oldSplit == null ? 0.0 : oldSplit);
                old.put("seed", (int) Math.floorMod(training.seed(), (long) Integer.MAX_VALUE));
                old.put("stratified", false);
                split = params(DataSplit.PARAMS, old, "training.validationSplit");
            }
            List<DrawnPoint> points = new ArrayList<>();
            if (ds.points() != null) {
                for (int i = 0; i < ds.points().size(); i++) {
                    double[] q = require(ds.points().get(i), "dataset.points[" + i + "]");
                    if (q.length != 3) throw fail("dataset.points[" + i + "]", "must be [x, y, value], got " + q.length + " numbers");
                    try { points.add(new DrawnPoint(q[0], q[1], q[2])); } catch (IllegalArgumentException e) { throw fail("dataset.points[" + i + "]", e.getMessage()); }
                }
            }
            Normalization norm = null;
            if (ds.normalization() != null) {
                ProjectDocument.NormalizationDoc n = ds.normalization();
                try {
                    norm = new Normalization(require(n.method(), "dataset.normalization.method"),
                            require(n.offset(), "dataset.normalization.offset"), require(n.scale(), "dataset.normalization.scale"));
                } catch (IllegalArgumentException e) {
                    throw fail("dataset.normalization", e.getMessage());
                }
            }
            return new DatasetSpec(id, settings, split, points, norm);
        }

        List<RunHistory> toRuns(List<ProjectDocument.RunDoc> docs) throws ProjectFileException {
            if (docs == null) return List.of();
            List<RunHistory> runs = new ArrayList<>();
            java.util.Set<Integer> ids = new java.util.HashSet<>();
            for (int i = 0; i < docs.size(); i++) {
                String at = "runs[" + i + "]";
                ProjectDocument.RunDoc r = require(docs.get(i), at);
                int id = require(r.id(), at + ".id");
                if (id < 1) throw fail(at + ".id", "must be a positive whole number, got " + id);
                if (!ids.add(id)) throw fail(at + ".id", "run " + id + " appears twice");
                String name = require(r.name(), at + ".name");
                if (name.isBlank()) throw fail(at + ".name", "must not be empty");
                String status = require(r.status(), at + ".status");
                if (!RunHistory.STATUSES.contains(status)) throw fail(at + ".status", "unknown status '" + cut(status) + "' (known: " + String.join(", ", RunHistory.STATUSES) + ")");
                int color = r.color() == null ? 0 : r.color();
                if (color < 0) throw fail(at + ".color", "must be 0 or positive, got " + color);
                Map<String, RunHistory.Series> series = new LinkedHashMap<>();
                if (r.series() != null) {
                    for (Map.Entry<String, ProjectDocument.SeriesDoc> e : r.series().entrySet()) {
                        series.put(e.getKey(), toSeries(require(e.getValue(), at + ".series" + key(e.getKey())), at + ".series" + key(e.getKey())));
                    }
                }
                if (r.forkStep() != null && r.forkStep() < 0) throw fail(at + ".forkStep", TEXT.get("forkNegative", r.forkStep()));
                if (r.parent() != null && r.parent() == id) throw fail(at + ".parent", TEXT.get("parentSelf"));
                runs.add(new RunHistory(id, name, status, r.message() == null ? "" : r.message(), r.visible() == null || r.visible(),
                        color, r.settings() == null ? Map.of() : r.settings(), r.parent(), r.forkStep(),
                        r.startWallMillis() == null ? Double.NaN : r.startWallMillis(), series));
            }
            for (int i = 0; i < runs.size(); i++) {
                Integer parent = runs.get(i).parentRunId();
                if (parent != null && !ids.contains(parent)) throw fail("runs[" + i + "].parent", TEXT.get("parentMissing", parent));
            }
            return runs;
        }

        RunHistory.Series toSeries(ProjectDocument.SeriesDoc s, String at) throws ProjectFileException {
            long[] steps = require(s.step(), at + ".step");
            double[] epochs = require(s.epoch(), at + ".epoch"), seconds = require(s.time(), at + ".time"), values = require(s.value(), at + ".value");
            int n = steps.length;
            if (epochs.length != n) throw fail(at + ".epoch", "has " + epochs.length + " entries but step has " + n);
            if (seconds.length != n) throw fail(at + ".time", "has " + seconds.length + " entries but step has " + n);
            if (values.length != n) throw fail(at + ".value", "has " + values.length + " entries but step has " + n);
            for (int i = 1; i < n; i++) {
                if (steps[i] < steps[i - 1]) throw fail(at + ".step[" + i + "]", TEXT.get("stepsDecrease", i, steps[i], steps[i - 1]));
            }
            return new RunHistory.Series(steps, epochs, seconds, values);
        }

        /**
         * @param linearByDefault the file predates ReLU as the default activation (it names training.loss): a Dense or
         *                        Conv2D layer without an activation keeps the Linear one it had then
         */
        ModelGraph toGraph(ProjectDocument.GraphDoc g, boolean linearByDefault) throws ProjectFileException {
            List<ProjectDocument.NodeDoc> nodeDocs = require(g.nodes(), "graph.nodes");
            List<Node> nodes = new ArrayList<>(nodeDocs.size());
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (int i = 0; i < nodeDocs.size(); i++) {
                String at = "graph.nodes[" + i + "]";
                ProjectDocument.NodeDoc n = require(nodeDocs.get(i), at);
                String id = require(n.id(), at + ".id");
                String type = require(n.type(), at + ".type");
                CatalogEntry layer = LayerTypes.CATALOG.find(type).orElseThrow(() -> fail(at + ".type", LayerTypes.CATALOG.unknownMessage(cut(type))));
                if (!ids.add(id)) throw fail(at + ".id", "a node with id '" + cut(id) + "' already exists");
                double x = n.x() == null ? 0 : n.x(), y = n.y() == null ? 0 : n.y();
                if (!Double.isFinite(x) || !Double.isFinite(y)) throw fail(at + (Double.isFinite(x) ? ".y" : ".x"), "must be a finite number");
                Map<String, Object> given = n.params() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(n.params());
                if (linearByDefault && (type.equals(DenseLayer.ID) || type.equals(Conv2DLayer.ID))) given.putIfAbsent("activation", "linear");
                nodes.add(new Node(id, type, n.name() == null ? id : n.name(), params(layer, given, at + ".params"), x, y));
            }
            List<ProjectDocument.EdgeDoc> edgeDocs = g.edges() == null ? List.of() : g.edges();
            List<Edge> edges = new ArrayList<>(edgeDocs.size());
            for (int i = 0; i < edgeDocs.size(); i++) {
                String at = "graph.edges[" + i + "]";
                ProjectDocument.EdgeDoc e = require(edgeDocs.get(i), at);
                edges.add(new Edge(require(e.from(), at + ".from"), require(e.to(), at + ".to"), e.port() == null ? 0 : e.port()));
            }
            // All at once: the checks and the cycle search run once, in linear time, not once per wire.
            try {
                return ModelGraph.of(nodes, edges);
            } catch (GraphException ex) {
                throw fail(ex.edgeIndex() >= 0 ? "graph.edges[" + ex.edgeIndex() + "]" : "graph", cut(ex.getMessage()));
            }
        }

        TrainingConfig toTraining(Map<String, Object> section) throws ProjectFileException {
            for (Map.Entry<String, Object> e : section.entrySet()) {
                ParamSpec spec;
                try { spec = TrainingSettings.spec(e.getKey()); } catch (IllegalArgumentException unknown) { continue; }
                refuseText(spec, e.getValue(), "training" + member(e.getKey()));
            }
            try {
                return new TrainingConfig(TrainingSettings.fromFile(section));
            } catch (InvalidParamException e) {
                throw fail(e.paramName() == null ? "training" : "training" + member(e.paramName()), shorten(e.getMessage(), 400));
            }
        }

        /** A whole message kept readable: long lists of choices end in an ellipsis. */
        static String shorten(String m, int max) { return m.length() <= max ? m : m.substring(0, max) + "…"; }

        /** A path step for a field name: ".name" when it reads as one, otherwise ["quoted"] with the name cut short. */
        static String member(String name) {
            if (name.matches("[A-Za-z_][A-Za-z0-9_/-]*([.][A-Za-z_][A-Za-z0-9_/-]*)*")) return "." + name;
            return "[\"" + cut(name).replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
        }

        /**
         * Files before the loss had its one home named it in {@code training.loss}. The Output head holds it now:
         * when the network has one, the head's loss wins (the trainer already refused a run where the two differed);
         * when its only last layer is a Dense layer without activation (what older samples used), that layer becomes
         * an Output head with the same name, units, initialisers and place, and the file's loss. Any other network
         * cannot keep the loss, and the file is refused with a message saying what to add.
         */
        ModelGraph migrateLoss(ModelGraph graph, Object loss) throws ProjectFileException {
            String id = String.valueOf(loss);
            if (!(loss instanceof String) || Losses.CATALOG.find(id).isEmpty()) throw fail("training." + OLD_LOSS, Losses.CATALOG.unknownMessage(id));
            if (graph.nodes().stream().anyMatch(n -> n.type().equals(OutputLayer.ID))) return graph;
            List<Node> sinks = graph.nodes().stream().filter(n -> graph.outputsOf(n.id()).isEmpty()).toList();
            Node last = sinks.size() == 1 ? sinks.get(0) : null;
            if (last == null || !last.type().equals(DenseLayer.ID) || !"linear".equals(last.params().get("activation"))
                    || !last.params().getBoolean("useBias")) {
                throw fail("training." + OLD_LOSS, TRAINING_TEXT.get("lossWithoutHead", id));
            }
            LayerType head = LayerTypes.CATALOG.get(OutputLayer.ID);
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("loss", id);
            for (var spec : head.params()) {
                if (!spec.name().equals("loss") && last.params().asMap().containsKey(spec.name())) params.put(spec.name(), last.params().get(spec.name()));
            }
            try {
                return graph.replaceNode(new Node(last.id(), OutputLayer.ID, last.name(), Params.of(head.params(), params), last.x(), last.y()));
            } catch (InvalidParamException e) {
                throw fail("training." + OLD_LOSS, e.getMessage());
            }
        }

        Params params(CatalogEntry entry, Map<String, Object> given, String at) throws ProjectFileException {
            return params(entry.params(), given, at);
        }

        Params params(List<org.layerlab.compute.catalog.ParamSpec> specs, Map<String, Object> given, String at) throws ProjectFileException {
            if (given != null) {
                for (ParamSpec spec : specs) if (given.containsKey(spec.name())) refuseText(spec, given.get(spec.name()), at + key(spec.name()));
            }
            try {
                return Params.of(specs, given == null ? Map.of() : given);
            } catch (InvalidParamException e) {
                String name = e.paramName();
                // A setting's name contains a dot ("loss.delta"), so it is quoted to keep the path readable.
                throw fail(name == null ? at : at + key(name), e.getMessage());
            }
        }

        /** A file writes numbers and flags as JSON numbers and booleans; text there ("20") is refused, not converted. */
        void refuseText(ParamSpec spec, Object value, String at) throws ProjectFileException {
            if (!(value instanceof String text)) return;
            String kind = switch (spec.type()) {
                case INT -> "a whole number";
                case FLOAT -> "a number";
                case BOOLEAN -> "true or false";
                default -> null;
            };
            if (kind != null) throw fail(at, spec.label() + " must be " + kind + ", got \"" + cut(text) + "\"");
        }

        <T> T require(T value, String at) throws ProjectFileException {
            if (value == null) throw fail(at, "is missing");
            return value;
        }

        ProjectFileException fail(String at, String problem) {
            // A last guard against echoing a huge value in a message we did not word ourselves.
            String text = problem.length() <= 600 ? problem : problem.substring(0, 580) + "… (" + problem.length() + " characters)";
            return new ProjectFileException(source + ": " + at + ": " + text);
        }
    }
}
