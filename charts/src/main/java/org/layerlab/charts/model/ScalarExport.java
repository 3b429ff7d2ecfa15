package org.layerlab.charts.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every point of every run as CSV (one row per point) or JSON (one object per run with its record and its
 * series as parallel arrays), and back. Values are written with {@link Double#toString}, so a round trip is
 * exact, NaN and infinities included.
 */
public final class ScalarExport {
    private ScalarExport() {}

    public static final String CSV_HEADER = "run_id,run_name,tag,step,epoch,relative_seconds,wall_time_ms,value";
    public static final String JSON_FORMAT = "layerlab-scalars";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Independent copies of the runs, safe to write from another thread while training goes on. */
    public static List<RunData> snapshot(List<RunData> runs) {
        List<RunData> out = new ArrayList<>();
        for (RunData r : runs) {
            RunData c = new RunData(r.id(), r.info(), r.colorIndex());
            c.setName(r.name());
            c.setStartWallMillis(r.startWallMillis());
            for (Map.Entry<String, ScalarSeries> s : r.allSeries().entrySet()) copyInto(c.series(s.getKey()), s.getValue());
            out.add(c);
        }
        return out;
    }

    private static void copyInto(ScalarSeries to, ScalarSeries from) {
        for (int i = 0; i < from.size(); i++) to.add(from.step(i), from.epoch(i), from.relativeSeconds(i), from.wallMillis(i), from.value(i));
    }

    public static void writeCsv(List<RunData> runs, Writer out) throws IOException {
        out.write(CSV_HEADER);
        out.write('\n');
        StringBuilder line = new StringBuilder(128);
        for (RunData r : runs) {
            String name = quote(r.name());
            for (Map.Entry<String, ScalarSeries> e : r.allSeries().entrySet()) {
                String tag = quote(e.getKey());
                ScalarSeries s = e.getValue();
                for (int i = 0; i < s.size(); i++) {
                    line.setLength(0);
                    line.append(r.id()).append(',').append(name).append(',').append(tag).append(',')
                            .append(s.step(i)).append(',').append(s.epoch(i)).append(',').append(s.relativeSeconds(i)).append(',')
                            .append(s.wallMillis(i)).append(',').append(s.value(i)).append('\n');
                    out.write(line.toString());
                }
            }
        }
        out.flush();
    }

    /** Runs as read from CSV: ids, names and series (the CSV holds no settings). */
    public static List<RunData> readCsv(Reader in) throws IOException {
        BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in);
        String header = reader.readLine();
        if (!CSV_HEADER.equals(header)) throw new IOException("not a LayerLab scalar CSV: header is " + header);
        Map<Integer, RunData> runs = new LinkedHashMap<>();
        String line;
        int lineNo = 1;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isEmpty()) continue;
            List<String> f = split(line);
            if (f.size() != 8) throw new IOException("line " + lineNo + ": expected 8 fields, got " + f.size());
            try {
                int id = Integer.parseInt(f.get(0));
                RunData r = runs.computeIfAbsent(id, k -> {
                    RunData d = new RunData(k, new RunInfo(f.get(1), Map.of(), null, null), runs.size());
                    return d;
                });
                r.series(f.get(2)).add(Long.parseLong(f.get(3)), Double.parseDouble(f.get(4)), Double.parseDouble(f.get(5)),
                        Double.parseDouble(f.get(6)), Double.parseDouble(f.get(7)));
            } catch (NumberFormatException e) {
                throw new IOException("line " + lineNo + ": " + e.getMessage(), e);
            }
        }
        return new ArrayList<>(runs.values());
    }

    public static void writeJson(List<RunData> runs, Writer out) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", JSON_FORMAT);
        root.put("version", 1);
        ArrayNode list = root.putArray("runs");
        for (RunData r : runs) {
            ObjectNode run = list.addObject();
            run.put("id", r.id());
            run.put("name", r.name());
            run.put("status", r.status().name());
            ObjectNode settings = run.putObject("settings");
            r.info().settings().forEach(settings::put);
            if (r.info().parentRunId() != null) run.put("parentRunId", r.info().parentRunId());
            else run.putNull("parentRunId");
            if (r.info().forkStep() != null) run.put("forkStep", r.info().forkStep());
            else run.putNull("forkStep");
            ObjectNode series = run.putObject("series");
            for (Map.Entry<String, ScalarSeries> e : r.allSeries().entrySet()) {
                ScalarSeries s = e.getValue();
                ObjectNode o = series.putObject(e.getKey());
                ArrayNode step = o.putArray("step"), epoch = o.putArray("epoch"), rel = o.putArray("relative_seconds"),
                        wall = o.putArray("wall_time_ms"), value = o.putArray("value");
                for (int i = 0; i < s.size(); i++) {
                    step.add(s.step(i));
                    number(epoch, s.epoch(i));
                    number(rel, s.relativeSeconds(i));
                    number(wall, s.wallMillis(i));
                    number(value, s.value(i));
                }
            }
        }
        JSON.writeValue(new NonClosing(out), root);
        out.flush();
    }

    /** JSON has no NaN or infinity: those are written as the strings "NaN", "Infinity", "-Infinity". */
    private static void number(ArrayNode a, double v) {
        if (Double.isFinite(v)) a.add(v); else a.add(Double.toString(v));
    }

    public static List<RunData> readJson(Reader in) throws IOException {
        JsonNode root = JSON.readTree(in);
        if (!JSON_FORMAT.equals(root.path("format").asText())) throw new IOException("not a LayerLab scalar JSON file");
        List<RunData> out = new ArrayList<>();
        for (JsonNode run : root.path("runs")) {
            Map<String, String> settings = new LinkedHashMap<>();
            run.path("settings").fields().forEachRemaining(e -> settings.put(e.getKey(), e.getValue().asText()));
            Integer parent = run.path("parentRunId").isNumber() ? run.get("parentRunId").asInt() : null;
            Long fork = run.path("forkStep").isNumber() ? run.get("forkStep").asLong() : null;
            String name = run.path("name").asText();
            RunData r = new RunData(run.path("id").asInt(), new RunInfo(name, settings, parent, fork), out.size());
            Iterator<Map.Entry<String, JsonNode>> series = run.path("series").fields();
            while (series.hasNext()) {
                Map.Entry<String, JsonNode> e = series.next();
                JsonNode o = e.getValue();
                JsonNode step = o.path("step"), epoch = o.path("epoch"), rel = o.path("relative_seconds"),
                        wall = o.path("wall_time_ms"), value = o.path("value");
                ScalarSeries s = r.series(e.getKey());
                for (int i = 0; i < step.size(); i++) {
                    s.add(step.get(i).asLong(), num(epoch.get(i)), num(rel.get(i)), num(wall.get(i)), num(value.get(i)));
                }
            }
            out.add(r);
        }
        return out;
    }

    private static double num(JsonNode n) {
        if (n == null) throw new IllegalArgumentException("missing value");
        return n.isTextual() ? Double.parseDouble(n.asText()) : n.asDouble();
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"").replace("\n", " ") + '"';
    }

    private static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') { cur.append('"'); i++; }
                else if (c == '"') quoted = false;
                else cur.append(c);
            } else if (c == '"') quoted = true;
            else if (c == ',') { out.add(cur.toString()); cur.setLength(0); }
            else cur.append(c);
        }
        out.add(cur.toString());
        return out;
    }

    /** Jackson closes the target after writing; the caller owns the writer. */
    private static final class NonClosing extends java.io.FilterWriter {
        NonClosing(Writer w) { super(w); }
        @Override public void close() throws IOException { flush(); }
    }
}
