package org.layerlab.compute.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One declared parameter: its name, type, default, allowed range and a one-line explanation.
 * {@link #coerce} is the single place where a value from a file, the CLI or an editor is checked.
 * The label, explanation and choice labels are declared as references to bundle texts ({@link CatalogText}) and read
 * in the current language at each call of {@link #label()}, {@link #description()} and {@link #choiceLabel}.
 *
 * @param choiceLabels what people read for each of {@code choices} ("Glorot uniform" for "glorot-uniform"), in the
 *                  same order; empty when the choices read well as they are
 * @param shownWhen null for a parameter that always applies; otherwise it only matters (and the property sheet
 *                  only shows it) while another parameter has a given value, e.g. Huber's δ while the loss is Huber
 */
public record ParamSpec(String name, String label, ParamType type, Object defaultValue,
                        double min, double max, List<String> choices, List<String> choiceLabels, String description,
                        Condition shownWhen) {

    /** "Parameter {@code param} currently has the value {@code value}" (compared as text, so it fits every type). */
    public record Condition(String param, String value) {
        public boolean holds(Map<String, ?> values) { return value.equals(String.valueOf(values.get(param))); }
    }

    public ParamSpec(String name, String label, ParamType type, Object defaultValue,
                     double min, double max, List<String> choices, String description) {
        this(name, label, type, defaultValue, min, max, choices, List.of(), description, null);
    }

    static final org.layerlab.compute.text.Messages TEXT =
            org.layerlab.compute.text.Messages.of("org.layerlab.compute.i18n.params", ParamSpec.class);

    /** The label in the current language ("Units", "单元数"). */
    @Override public String label() { return CatalogText.resolve(label); }

    /** The one-line explanation in the current language. */
    @Override public String description() { return CatalogText.resolve(description); }

    /** The choices' labels in the current language. */
    @Override public List<String> choiceLabels() { return choiceLabels.stream().map(CatalogText::resolve).toList(); }

    /** The label as declared: a bundle reference ({@link CatalogText#ref}) or, for a declaration outside the catalogs, plain text. */
    public String labelRef() { return label; }

    /** The explanation as declared (see {@link #labelRef()}). */
    public String descriptionRef() { return description; }

    /** The choices' labels as declared (see {@link #labelRef()}). */
    public List<String> choiceLabelRefs() { return choiceLabels; }

    /** The label shown for one of the choices, in the current language. */
    public String choiceLabel(String choice) {
        int i = choices.indexOf(choice);
        return i >= 0 && i < choiceLabels.size() ? CatalogText.resolve(choiceLabels.get(i)) : choice;
    }

    /**
     * The same declaration with readable labels for its choices (in the order of {@link #choices()}); a
     * {@link LiveLabels} list is kept as it is, so labels read from entries follow the language.
     */
    public ParamSpec withChoiceLabels(List<String> labels) {
        if (labels.size() != choices.size()) throw new IllegalArgumentException(labels.size() + " labels for " + choices.size() + " choices");
        return new ParamSpec(name, label, type, defaultValue, min, max, choices,
                labels instanceof LiveLabels ? labels : List.copyOf(labels), description, shownWhen);
    }

    /** Choice labels produced at each read (e.g. a catalog's entries' display names in the current language). */
    public abstract static class LiveLabels extends java.util.AbstractList<String> implements java.util.RandomAccess {}

    public static ParamSpec integer(String name, String label, int def, int min, int max, String description) {
        return new ParamSpec(name, label, ParamType.INT, def, min, max, List.of(), description);
    }

    public static ParamSpec real(String name, String label, double def, double min, double max, String description) {
        return new ParamSpec(name, label, ParamType.FLOAT, def, min, max, List.of(), description);
    }

    public static ParamSpec bool(String name, String label, boolean def, String description) {
        return new ParamSpec(name, label, ParamType.BOOLEAN, def, 0, 1, List.of(), description);
    }

    public static ParamSpec choice(String name, String label, String def, List<String> choices, String description) {
        return new ParamSpec(name, label, ParamType.CHOICE, def, 0, 0, List.copyOf(choices), description);
    }

    public static ParamSpec shape(String name, String label, List<Integer> def, String description) {
        return new ParamSpec(name, label, ParamType.SHAPE, List.copyOf(def), 1, Integer.MAX_VALUE, List.of(), description);
    }

    /** Free text, e.g. a file name; {@code def} is usually "" (not set). */
    public static ParamSpec text(String name, String label, String def, String description) {
        return new ParamSpec(name, label, ParamType.TEXT, def, 0, 0, List.of(), description);
    }

    /** The same declaration with another default (e.g. a smaller learning rate for Adam). */
    public ParamSpec withDefault(Object def) {
        return new ParamSpec(name, label, type, def, min, max, choices, choiceLabels, description, shownWhen);
    }

    /** The same declaration under another name that only applies while {@code param} equals {@code value}. */
    public ParamSpec shownWhen(String newName, String param, String value) {
        return new ParamSpec(newName, label, type, defaultValue, min, max, choices, choiceLabels, description, new Condition(param, value));
    }

    /** Whether this parameter applies given the other values (always, unless it has a condition). */
    public boolean appliesTo(Map<String, ?> values) { return shownWhen == null || shownWhen.holds(values); }

    /**
     * Converts a loosely typed value (JSON number, string from a text field, …) to this parameter's canonical
     * Java type (Integer, Double, Boolean, String, List&lt;Integer&gt;), or explains why it cannot.
     */
    public Object coerce(Object value) throws InvalidParamException {
        if (value == null) throw invalid("missing");
        switch (type) {
            case INT -> {
                // Exactly: 18446744073709551632 must not wrap to 16, nor 16.9 round to 16.
                java.math.BigDecimal v;
                if (value instanceof java.math.BigDecimal b) v = b;
                else if (value instanceof java.math.BigInteger b) v = new java.math.BigDecimal(b);
                else if (value instanceof Double || value instanceof Float) {
                    double d = ((Number) value).doubleValue();
                    if (!Double.isFinite(d)) throw invalid("wholeNumber", describe(value));
                    v = new java.math.BigDecimal(d);
                } else if (value instanceof Number n) v = java.math.BigDecimal.valueOf(n.longValue());
                else if (value instanceof String s && s.trim().matches("[-+]?\\d{1,400}")) v = new java.math.BigDecimal(s.trim());
                else throw invalid("wholeNumber", describe(value));
                if (v.signum() != 0 && v.stripTrailingZeros().scale() > 0) throw invalid("wholeNumber", describe(value));
                if (v.compareTo(java.math.BigDecimal.valueOf(min)) < 0 || v.compareTo(java.math.BigDecimal.valueOf(max)) > 0) {
                    throw invalid("between", fmt(min), fmt(max), describe(v.toPlainString()).replace("\"", ""));
                }
                return v.intValueExact();
            }
            case FLOAT -> {
                double v;
                if (value instanceof Number n) v = n.doubleValue();
                else if (value instanceof String s) {
                    try { v = Double.parseDouble(s.trim()); } catch (NumberFormatException e) { throw invalid("number", describe(value)); }
                } else throw invalid("number", describe(value));
                if (!Double.isFinite(v) || v < min || v > max) throw invalid("between", fmt(min), fmt(max), String.valueOf(v));
                return v;
            }
            case BOOLEAN -> {
                if (value instanceof Boolean b) return b;
                if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) return Boolean.parseBoolean(s);
                throw invalid("trueOrFalse", describe(value));
            }
            case CHOICE -> {
                String s = String.valueOf(value);
                if (!choices.contains(s)) throw invalid("oneOf", String.join(", ", choices), describe(value));
                return s;
            }
            case SHAPE -> {
                List<?> raw;
                if (value instanceof List<?> l) raw = l;
                else if (value instanceof String s) raw = List.of(s.trim().split("\\s*[×x,]\\s*"));
                else throw invalid("sizes", describe(value));
                if (raw.isEmpty()) throw invalid("noDimension");
                List<Integer> dims = new ArrayList<>();
                for (Object o : raw) {
                    Object d = integer(name, label, 1, 1, Integer.MAX_VALUE, description).coerceQuietly(o);
                    if (d == null) throw invalid("positiveSizes", describe(value));
                    dims.add((Integer) d);
                }
                return List.copyOf(dims);
            }
            case TEXT -> {
                if (!(value instanceof String s)) throw invalid("text", describe(value));
                if (s.length() > 4096 || s.chars().anyMatch(c -> c < 0x20 && c != '\t')) throw invalid("oneLine");
                return s;
            }
            default -> throw new AssertionError(type);
        }
    }

    private Object coerceQuietly(Object v) {
        try { return coerce(v); } catch (InvalidParamException e) { return null; }
    }

    /** A refusal in the user's language: pattern {@code invalid.<what>} of the params bundle, the label first. */
    private InvalidParamException invalid(String what, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = label();
        System.arraycopy(args, 0, all, 1, args.length);
        return new InvalidParamException(TEXT.get("invalid." + what, all));
    }

    /** A value as messages show it: strings quoted, anything long cut (a 5 MB value must not flood a message). */
    private static String describe(Object v) {
        String s = v instanceof String str ? "\"" + str + "\"" : String.valueOf(v);
        return s.length() <= 60 ? s : TEXT.get("cut", s.substring(0, 40), String.valueOf(s.length()));
    }

    private static String fmt(double d) {
        if (d >= Integer.MAX_VALUE) return "∞"; // a sign, the same in every language
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
