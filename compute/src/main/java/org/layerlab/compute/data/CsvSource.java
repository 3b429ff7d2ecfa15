package org.layerlab.compute.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.tensor.Tensor;

/**
 * A CSV or TSV table: one row per sample, chosen feature columns, one label column (classes, or a number for
 * regression). A non-numeric value in a numeric feature column, or a missing value (empty, NA, NaN) when the user did
 * not choose to drop or fill such rows, is an error naming the line, the column's number and name, and the value.
 */
public final class CsvSource implements DataSource {
    public static final String ID = "csv";
    /** More distinct whole-number labels than this make "auto" choose regression. */
    static final int AUTO_MAX_CLASSES = 20;

    private static final List<ParamSpec> PARAMS = List.of(
            SourceText.text("csv", "file", ""),
            SourceText.choice("csv", "delimiter", "auto", List.of("auto", "comma", "tab", "semicolon", "pipe")),
            SourceText.choice("csv", "header", "auto", List.of("auto", "yes", "no")),
            SourceText.text("csv", "label", ""),
            SourceText.text("csv", "features", ""),
            SourceText.choice("csv", "problem", "auto", List.of("auto", "classification", "regression")),
            SourceText.text("csv", "oneHot", ""),
            SourceText.choice("csv", "normalize", Normalization.NONE, Normalization.METHODS),
            SourceText.choice("csv", "missing", "error", List.of("error", "drop", "impute")));

    @Override public String id() { return ID; }
    @Override public String displayName() { return SourceText.name(ID); }
    @Override public String description() { return SourceText.about(ID); }
    @Override public List<ParamSpec> params() { return PARAMS; }
    @Override public List<String> fileSettings() { return List.of("file"); }
    @Override public Group group() { return Group.FILE; }
    @Override public boolean regression(Params p) { return "regression".equals(p.getString("problem")); }

    @Override public LoadedData load(Params p, DataContext ctx) throws DataException {
        return LoadedData.of(toDataset(table(p, ctx), p, ctx));
    }

    /** The file as a table with the chosen delimiter and header settings. */
    public static CsvTable table(Params p, DataContext ctx) throws DataException {
        String file = p.getString("file");
        if (file.isBlank()) throw new DataException(null, null, DataText.get("csv.noFile"));
        char d = switch (p.getString("delimiter")) { case "comma" -> ','; case "tab" -> '\t'; case "semicolon" -> ';'; case "pipe" -> '|'; default -> 0; };
        Boolean header = switch (p.getString("header")) { case "yes" -> true; case "no" -> false; default -> null; };
        ctx.progress().update(file, 0, -1);
        CsvTable t = CsvTable.read(ctx.resolve(file), file, d, header, ctx);
        ctx.progress().update(file, t.rowCount(), t.rowCount());
        return t;
    }

    /** What the import wizard shows: the detected settings, the first rows and every column's statistics. */
    public record Preview(CsvTable table, List<List<String>> firstRows, List<ColumnStats> columns) {
        public String delimiter() { return CsvTable.delimiterName(table.delimiter()); }
        public boolean header() { return table.hasHeader(); }
        public int rows() { return table.rowCount(); }
    }

    public static Preview preview(Params p, DataContext ctx, int rows) throws DataException {
        CsvTable t = table(p, ctx);
        List<List<String>> first = new ArrayList<>();
        for (int i = 0; i < Math.min(rows, t.rowCount()); i++) first.add(List.of(t.row(i)));
        return new Preview(t, first, ColumnStats.all(t));
    }

    /** Column {@code ref} of {@code t}: its exact name, its number (1-based), or its name in any case. */
    static int column(CsvTable t, String ref, String setting) throws DataException {
        String r = ref.strip();
        int exact = t.columns().indexOf(r);
        if (exact >= 0) return exact;
        if (r.matches("\\d{1,7}")) {
            int n = Integer.parseInt(r);
            if (n >= 1 && n <= t.columns().size()) return n - 1;
        }
        for (int j = 0; j < t.columns().size(); j++) if (t.columns().get(j).equalsIgnoreCase(r)) return j;
        throw new DataException(t.file(), null, DataText.get("csv.noColumn", setting, r, String.join(", ", t.columns())));
    }

    static List<Integer> columns(CsvTable t, String refs, String setting) throws DataException {
        List<Integer> out = new ArrayList<>();
        if (refs.isBlank()) return out;
        for (String r : refs.split(",")) {
            if (r.isBlank()) continue;
            int j = column(t, r, setting);
            if (!out.contains(j)) out.add(j);
        }
        return out;
    }

    private static String place(CsvTable t, int row, int col) {
        return DataText.get("csv.cell", t.line(row), col + 1, t.columns().get(col));
    }

    /** The table as samples, following the settings (see the class comment for the rules). */
    public static Dataset toDataset(CsvTable t, Params p, DataContext ctx) throws DataException {
        String f = t.file();
        int label = p.getString("label").isBlank() ? t.columns().size() - 1 : column(t, p.getString("label"), "label");
        List<Integer> features = columns(t, p.getString("features"), "features");
        if (features.isEmpty()) for (int j = 0; j < t.columns().size(); j++) if (j != label) features.add(j);
        if (features.contains(label)) throw new DataException(f, null, DataText.get("csv.labelIsFeature", t.columns().get(label)));
        if (features.isEmpty()) throw new DataException(f, null, DataText.get("csv.noFeatures"));
        List<Integer> oneHot = columns(t, p.getString("oneHot"), "oneHot");
        for (int j : oneHot) if (!features.contains(j)) throw new DataException(f, null, DataText.get("csv.oneHotNotFeature", t.columns().get(j)));
        String missing = p.getString("missing");

        // Which rows are used: a missing value is refused, or its row dropped; imputing fills features only.
        List<Integer> used = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            String[] r = t.row(i);
            boolean keep = true;
            for (int j : concat(features, label)) {
                if (!CsvTable.isMissing(r[j])) continue;
                if (missing.equals("drop")) { keep = false; break; }
                if (missing.equals("error") || j == label) {
                    throw new DataException(f, place(t, i, j), DataText.get(j == label ? "csv.missingLabel" : "csv.missing", r[j]));
                }
            }
            if (keep) used.add(i);
        }
        if (used.isEmpty()) throw new DataException(f, null, DataText.get("csv.allDropped"));

        // Feature layout: one value per numeric column, one per category for one-hot columns.
        List<String> names = new ArrayList<>();
        Map<Integer, List<String>> categories = new LinkedHashMap<>();
        for (int j : features) {
            if (oneHot.contains(j)) {
                TreeSet<String> values = new TreeSet<>();
                for (int i : used) if (!CsvTable.isMissing(t.row(i)[j])) values.add(t.row(i)[j].strip());
                if (values.size() > 1000) throw new DataException(f, null, DataText.get("csv.tooManyCategories", t.columns().get(j), values.size()));
                categories.put(j, List.copyOf(values));
                for (String v : values) names.add(t.columns().get(j) + "=" + v);
            } else names.add(t.columns().get(j));
        }
        int width = names.size(), n = used.size();
        ctx.reserve(f, (long) n * width + n);
        float[] x = new float[n * width];
        double[] sums = new double[width];
        int[] counts = new int[width];
        boolean[] holes = new boolean[n * width];
        for (int k = 0; k < n; k++) {
            int i = used.get(k);
            String[] r = t.row(i);
            int col = 0;
            for (int j : features) {
                List<String> cats = categories.get(j);
                if (cats != null) {
                    if (!CsvTable.isMissing(r[j])) x[k * width + col + cats.indexOf(r[j].strip())] = 1;
                    col += cats.size();
                    continue;
                }
                if (CsvTable.isMissing(r[j])) { holes[k * width + col] = true; col++; continue; }
                if (!CsvTable.isNumber(r[j])) throw new DataException(f, place(t, i, j), DataText.get("csv.notNumber", r[j]));
                double v = Double.parseDouble(r[j].strip());
                if (!Float.isFinite((float) v)) throw new DataException(f, place(t, i, j), DataText.get("csv.tooBig", r[j]));
                x[k * width + col] = (float) v;
                sums[col] += v;
                counts[col]++;
                col++;
            }
            if ((k & 0xFFFF) == 0) ctx.checkCancelled(f);
        }
        for (int k = 0; k < holes.length; k++) if (holes[k]) { int c = k % width; x[k] = counts[c] == 0 ? 0 : (float) (sums[c] / counts[c]); }

        // The label: classes (text, or a few whole numbers) or a number to predict.
        String problem = p.getString("problem");
        boolean allNumbers = true, allWhole = true;
        TreeSet<String> distinct = new TreeSet<>();
        for (int i : used) {
            String v = t.row(i)[label].strip();
            if (distinct.size() <= ColumnStats.DISTINCT_CAP) distinct.add(v);
            if (!CsvTable.isNumber(v)) { allNumbers = false; allWhole = false; }
            else if (Double.parseDouble(v) != Math.rint(Double.parseDouble(v))) allWhole = false;
        }
        boolean regression = problem.equals("regression") || problem.equals("auto") && allNumbers && !(allWhole && distinct.size() <= AUTO_MAX_CLASSES);
        String name = java.nio.file.Path.of(f).getFileName().toString();
        if (regression) {
            float[] targets = new float[n];
            for (int k = 0; k < n; k++) {
                int i = used.get(k);
                String v = t.row(i)[label];
                if (!CsvTable.isNumber(v)) throw new DataException(f, place(t, i, label), DataText.get("csv.notNumberLabel", v));
                targets[k] = (float) Double.parseDouble(v.strip());
            }
            return new Dataset(name, Tensor.of(x, n, width), null, targets, List.of(), names);
        }
        List<String> classes = classOrder(t, used, label);
        if (classes.size() < 2) throw new DataException(f, null, DataText.get("csv.oneClass", t.columns().get(label), classes.isEmpty() ? "" : classes.get(0)));
        if (classes.size() > 10_000) throw new DataException(f, null, DataText.get("csv.tooManyClasses", t.columns().get(label), classes.size()));
        Map<String, Integer> index = new LinkedHashMap<>();
        for (String c : classes) index.put(c, index.size());
        int[] labels = new int[n];
        for (int k = 0; k < n; k++) labels[k] = index.get(t.row(used.get(k))[label].strip());
        return new Dataset(name, Tensor.of(x, n, width), labels, null, classes, names);
    }

    /** Class names in a stable order: by value for whole numbers (2 before 10), else alphabetically. */
    private static List<String> classOrder(CsvTable t, List<Integer> used, int label) {
        TreeSet<String> values = new TreeSet<>();
        for (int i : used) values.add(t.row(i)[label].strip());
        List<String> list = new ArrayList<>(values);
        if (list.stream().allMatch(CsvTable::isNumber)) list.sort((a, b) -> Double.compare(Double.parseDouble(a), Double.parseDouble(b)));
        return list;
    }

    private static List<Integer> concat(List<Integer> a, int b) {
        List<Integer> l = new ArrayList<>(a);
        l.add(b);
        return l;
    }

    static String lower(String s) { return s.toLowerCase(Locale.ROOT); }

    static List<String> split(String s) { return Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList(); }
}
