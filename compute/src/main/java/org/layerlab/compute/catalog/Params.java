package org.layerlab.compute.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameter values checked against their declarations: every declared parameter has a canonical value,
 * missing ones take their defaults. Immutable.
 */
public final class Params {
    private final List<ParamSpec> specs;
    private final Map<String, Object> values;

    private Params(List<ParamSpec> specs, Map<String, Object> values) {
        this.specs = specs;
        this.values = Collections.unmodifiableMap(values);
    }

    /** Defaults for all specs, overridden by {@code given}; unknown names and invalid values are refused. */
    public static Params of(List<ParamSpec> specs, Map<String, ?> given) throws InvalidParamException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String key : given.keySet()) {
            if (specs.stream().noneMatch(s -> s.name().equals(key))) {
                throw new InvalidParamException(key, specs.isEmpty() ? ParamSpec.TEXT.get("unknown.parameter", key)
                        : ParamSpec.TEXT.get("unknown.parameterKnown", key, String.join(", ", specs.stream().map(ParamSpec::name).toList())));
            }
        }
        for (ParamSpec s : specs) {
            Object v = given.containsKey(s.name()) ? given.get(s.name()) : s.defaultValue();
            try {
                values.put(s.name(), s.coerce(v));
            } catch (InvalidParamException e) {
                throw new InvalidParamException(s.name(), e.getMessage());
            }
        }
        return new Params(List.copyOf(specs), values);
    }

    public static Params defaults(List<ParamSpec> specs) {
        try {
            return of(specs, Map.of());
        } catch (InvalidParamException e) {
            throw new IllegalStateException("a declared default is invalid: " + e.getMessage(), e);
        }
    }

    /** A copy with one value changed (checked). */
    public Params with(String name, Object value) throws InvalidParamException {
        Map<String, Object> m = new LinkedHashMap<>(values);
        m.put(name, value);
        return of(specs, m);
    }

    public List<ParamSpec> specs() { return specs; }

    /**
     * Whether a parameter matters with the current values: its condition holds and, for a setting of a setting
     * (a bias initialiser's value while the bias is off), the parameter it depends on matters too.
     */
    public boolean applies(String name) {
        ParamSpec spec = specs.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no parameter '" + name + "' declared"));
        return spec.appliesTo(values) && (spec.shownWhen() == null || applies(spec.shownWhen().param()));
    }
    public Map<String, Object> asMap() { return values; }
    public Object get(String name) { return require(name); }
    public int getInt(String name) { return (Integer) require(name); }
    public double getDouble(String name) { return ((Number) require(name)).doubleValue(); }
    public boolean getBoolean(String name) { return (Boolean) require(name); }
    public String getString(String name) { return (String) require(name); }

    @SuppressWarnings("unchecked")
    public List<Integer> getShape(String name) { return (List<Integer>) require(name); }

    private Object require(String name) {
        Object v = values.get(name);
        if (v == null) throw new IllegalArgumentException("no parameter '" + name + "' declared");
        return v;
    }

    @Override public boolean equals(Object o) { return o instanceof Params p && p.values.equals(values); }
    @Override public int hashCode() { return values.hashCode(); }
    @Override public String toString() { return values.toString(); }
}
