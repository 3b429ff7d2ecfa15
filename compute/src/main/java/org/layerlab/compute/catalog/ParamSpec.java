package org.layerlab.compute.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One declared parameter: its name, type, default, allowed range and a one-line explanation.
 * {@link #coerce} is the single place where a value from a file, the CLI or an editor is checked.
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

    /** The label shown for one of the choices. */
    public String choiceLabel(String choice) {
        int i = choices.indexOf(choice);
        return i >= 0 && i < choiceLabels.size() ? choiceLabels.get(i) : choice;
    }

    /** The same declaration with readable labels for its choices (in the order of {@link #choices()}). */
    public ParamSpec withChoiceLabels(List<String> labels) {
        if (labels.size() != choices.size()) throw new IllegalArgumentException(labels.size() + " labels for " + choices.size() + " choices");
        return new ParamSpec(name, label, type, defaultValue, min, max, choices, List.copyOf(labels), description, shownWhen);
    }

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
        if (value == null) throw invalid("is missing");
        switch (type) {
            case INT -> {
                // Exactly: 18446744073709551632 must not wrap to 16, nor 16.9 round to 16.
                java.math.BigDecimal v;
                if (value instanceof java.math.BigDecimal b) v = b;
                else if (value instanceof java.math.BigInteger b) v = new java.math.BigDecimal(b);
                else if (value instanceof Double || value instanceof Float) {
                    double d = ((Number) value).doubleValue();
                    if (!Double.isFinite(d)) throw invalid("must be a whole number, got " + describe(value));
                    v = new java.math.BigDecimal(d);
                } else if (value instanceof Number n) v = java.math.BigDecimal.valueOf(n.longValue());
                else if (value instanceof String s && s.trim().matches("[-+]?\\d{1,400}")) v = new java.math.BigDecimal(s.trim());
                else throw invalid("must be a whole number, got " + describe(value));
                if (v.signum() != 0 && v.stripTrailingZeros().scale() > 0) throw invalid("must be a whole number, got " + describe(value));
                if (v.compareTo(java.math.BigDecimal.valueOf(min)) < 0 || v.compareTo(java.math.BigDecimal.valueOf(max)) > 0) {
                    throw invalid("must be between " + fmt(min) + " and " + fmt(max) + ", got " + describe(v.toPlainString()).replace("\"", ""));
                }
                return v.intValueExact();
            }
            case FLOAT -> {
                double v;
                if (value instanceof Number n) v = n.doubleValue();
                else if (value instanceof String s) {
                    try { v = Double.parseDouble(s.trim()); } catch (NumberFormatException e) { throw invalid("must be a number, got " + describe(value)); }
                } else throw invalid("must be a number, got " + describe(value));
                if (!Double.isFinite(v) || v < min || v > max) throw invalid("must be between " + fmt(min) + " and " + fmt(max) + ", got " + v);
                return v;
            }
            case BOOLEAN -> {
                if (value instanceof Boolean b) return b;
                if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) return Boolean.parseBoolean(s);
                throw invalid("must be true or false, got " + describe(value));
            }
            case CHOICE -> {
                String s = String.valueOf(value);
                if (!choices.contains(s)) throw invalid("must be one of " + String.join(", ", choices) + ", got " + describe(value));
                return s;
            }
            case SHAPE -> {
                List<?> raw;
                if (value instanceof List<?> l) raw = l;
                else if (value instanceof String s) raw = List.of(s.trim().split("\\s*[×x,]\\s*"));
                else throw invalid("must be a list of sizes like [28, 28], got " + describe(value));
                if (raw.isEmpty()) throw invalid("must have at least one dimension");
                List<Integer> dims = new ArrayList<>();
                for (Object o : raw) {
                    Object d = integer(name, label, 1, 1, Integer.MAX_VALUE, description).coerceQuietly(o);
                    if (d == null) throw invalid("must be a list of positive whole numbers, got " + describe(value));
                    dims.add((Integer) d);
                }
                return List.copyOf(dims);
            }
            case TEXT -> {
                if (!(value instanceof String s)) throw invalid("must be text, got " + describe(value));
                if (s.length() > 4096 || s.chars().anyMatch(c -> c < 0x20 && c != '\t')) throw invalid("must be one line of at most 4,096 characters");
                return s;
            }
            default -> throw new AssertionError(type);
        }
    }

    private Object coerceQuietly(Object v) {
        try { return coerce(v); } catch (InvalidParamException e) { return null; }
    }

    private InvalidParamException invalid(String what) {
        return new InvalidParamException(label + " " + what);
    }

    /** A value as messages show it: strings quoted, anything long cut (a 5 MB value must not flood a message). */
    private static String describe(Object v) {
        String s = v instanceof String str ? "\"" + str + "\"" : String.valueOf(v);
        return s.length() <= 60 ? s : s.substring(0, 40) + "… (" + s.length() + " characters)";
    }

    private static String fmt(double d) {
        if (d >= Integer.MAX_VALUE) return "∞";
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
