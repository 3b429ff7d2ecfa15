package org.layerlab.compute.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.layerlab.compute.catalog.InvalidParamException;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.catalog.Params;

/**
 * How a data set is divided into training, validation and test parts: ratios, seeded, stratified by class (each class
 * keeps its share in every part). Saved in the project, so a teacher and a student see the same split. A source
 * with its own test part (IDX t10k files) keeps it, and the test ratio is not used.
 */
public final class DataSplit {
    private DataSplit() {}

    public static final List<ParamSpec> PARAMS = List.of(
            SourceText.real("split", "validation", 0.2, 0.0, 0.9),
            SourceText.real("split", "test", 0.0, 0.0, 0.9),
            SourceText.integer("split", "seed", 1, 0, Integer.MAX_VALUE),
            SourceText.bool("split", "stratified", true));

    public static Params defaults() { return Params.defaults(PARAMS); }

    /** A split with these ratios and seed, stratified; refused when the parts leave nothing to train on. */
    public static Params of(double validation, double test, int seed) throws InvalidParamException {
        return check(Params.of(PARAMS, Map.of("validation", validation, "test", test, "seed", seed, "stratified", true)));
    }

    /** Refuses ratios that add up to the whole set. */
    public static Params check(Params p) throws InvalidParamException {
        if (p.getDouble("validation") + p.getDouble("test") >= 0.95) {
            throw new InvalidParamException("test", DataText.get("split.tooLarge", p.getDouble("validation"), p.getDouble("test")));
        }
        return p;
    }

    /** Divides {@code loaded} by {@code split}. Each part keeps the samples in their original order. */
    public static Splits apply(LoadedData loaded, Params split) {
        Dataset all = loaded.data();
        double val = split.getDouble("validation");
        double test = loaded.test() != null ? 0 : split.getDouble("test");
        SplittableRandom rng = new SplittableRandom(split.getInt("seed"));
        List<int[]> groups = new ArrayList<>();
        if (split.getBoolean("stratified") && all.labels() != null) {
            int[] counts = all.classCounts();
            int[][] byClass = new int[counts.length][];
            int[] fill = new int[counts.length];
            for (int c = 0; c < counts.length; c++) byClass[c] = new int[counts[c]];
            for (int i = 0; i < all.size(); i++) {
                int l = all.labels()[i];
                byClass[l][fill[l]++] = i;
            }
            groups.addAll(Arrays.asList(byClass));
        } else {
            groups.add(Dataset.identity(all.size()));
        }
        IntList tr = new IntList(), va = new IntList(), te = new IntList();
        for (int[] g : groups) {
            int[] perm = Dataset.permutation(g.length, rng);
            int nVal = (int) Math.round(g.length * val), nTest = (int) Math.round(g.length * test);
            if (nVal + nTest > g.length) nTest = g.length - nVal;
            for (int k = 0; k < g.length; k++) {
                int idx = g[perm[k]];
                if (k < nVal) va.add(idx); else if (k < nVal + nTest) te.add(idx); else tr.add(idx);
            }
        }
        if (tr.size == 0) {
            // Said in a student's words here, before an empty part reaches a tensor ("shape dimensions must be positive").
            throw new IllegalArgumentException(org.layerlab.compute.text.Messages.of("org.layerlab.compute.i18n.preflight", DataSplit.class)
                    .get("split.empty", all.size(), val + test));
        }
        Dataset train = all.subset(tr.sorted(), all.name());
        Dataset validation = va.size == 0 ? null : all.subset(va.sorted(), all.name() + " (validation)");
        Dataset testPart = loaded.test() != null ? loaded.test() : te.size == 0 ? null : all.subset(te.sorted(), all.name() + " (test)");
        return new Splits(train, validation, testPart);
    }

    private static final class IntList {
        int[] a = new int[16];
        int size;
        void add(int v) { if (size == a.length) a = Arrays.copyOf(a, size * 2); a[size++] = v; }
        int[] sorted() { int[] r = Arrays.copyOf(a, size); Arrays.sort(r); return r; }
    }
}
