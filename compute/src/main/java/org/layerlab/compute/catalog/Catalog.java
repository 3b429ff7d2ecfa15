package org.layerlab.compute.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An ordered registry of declarations of one kind (layers, activations, losses, …), looked up by id. */
public final class Catalog<T extends CatalogEntry> {
    private static final org.layerlab.compute.text.Messages TEXT =
            org.layerlab.compute.text.Messages.of("org.layerlab.compute.i18n.params", Catalog.class);
    private final String kind;
    private final Map<String, T> entries = new LinkedHashMap<>();

    @SafeVarargs
    public Catalog(String kind, T... entries) {
        this.kind = kind;
        for (T e : entries) register(e);
    }

    private void register(T entry) {
        if (entries.putIfAbsent(entry.id(), entry) != null) {
            throw new IllegalStateException(kind + " '" + entry.id() + "' declared twice");
        }
    }

    public Optional<T> find(String id) { return Optional.ofNullable(entries.get(id)); }

    /** The entry, or an exception naming the unknown id and the known ones. */
    public T get(String id) {
        T e = entries.get(id);
        if (e == null) throw new IllegalArgumentException(unknownMessage(id));
        return e;
    }

    public String unknownMessage(String id) {
        // The kind is named in the current language by its key ("layer type" → kind.layer-type).
        return TEXT.get("unknown.entry", TEXT.get("kind." + kind.replace(' ', '-')), id, String.join(", ", entries.keySet()));
    }

    public Collection<T> all() { return Collections.unmodifiableCollection(entries.values()); }

    public List<String> ids() { return List.copyOf(entries.keySet()); }

    public String kind() { return kind; }

    /** A parameter choosing one of this catalog's entries, shown by their display names (in the language of each read). */
    public ParamSpec choice(String name, String label, String def, String description) {
        List<T> order = List.copyOf(entries.values());
        return ParamSpec.choice(name, label, def, ids(), description).withChoiceLabels(new ParamSpec.LiveLabels() {
            @Override public String get(int i) { return order.get(i).displayName(); }
            @Override public int size() { return order.size(); }
        });
    }

    /**
     * A parameter choosing one of this catalog's entries, followed by every entry's own settings, named
     * "{@code name}.setting" and applying only while that entry is chosen (e.g. "loss.delta" for Huber). A layer
     * declares these instead of repeating the entries' settings, so a new setting reaches every layer at once.
     */
    public List<ParamSpec> choiceWithSettings(String name, String label, String def, String description) {
        List<ParamSpec> specs = new ArrayList<>();
        specs.add(choice(name, label, def, description));
        for (T e : entries.values()) {
            for (ParamSpec s : e.params()) {
                String nested = name + "." + s.name();
                if (specs.stream().anyMatch(x -> x.name().equals(nested))) {
                    throw new IllegalStateException(kind + " setting '" + s.name() + "' is declared by two entries");
                }
                specs.add(s.shownWhen(nested, name, e.id()));
            }
        }
        return List.copyOf(specs);
    }

    /** The entry chosen by parameter {@code name} of {@code p}, configured with its settings from {@link #choiceWithSettings}. */
    @SuppressWarnings("unchecked")
    public T chosen(Params p, String name) {
        T entry = get(p.getString(name));
        if (entry.params().isEmpty()) return entry;
        Map<String, Object> settings = new LinkedHashMap<>();
        for (ParamSpec s : entry.params()) settings.put(s.name(), p.get(name + "." + s.name()));
        try {
            return (T) entry.configured(Params.of(entry.params(), settings));
        } catch (InvalidParamException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Like {@link #choiceWithSettings}, for catalogs whose entries share setting names with different defaults
     * (every optimizer has a learning rate; Adam's starts at 0.001, SGD's at 0.01): each entry's settings are named
     * "{@code name}.entry.setting" ("optimizer.adam.learningRate") and apply only while that entry is chosen, so
     * every entry keeps its own values while another one is chosen.
     */
    public List<ParamSpec> choiceWithEntrySettings(String name, String label, String def, String description) {
        List<ParamSpec> specs = new ArrayList<>();
        specs.add(choice(name, label, def, description));
        for (T e : entries.values()) {
            for (ParamSpec s : e.params()) specs.add(s.shownWhen(entrySetting(name, e.id(), s.name()), name, e.id()));
        }
        return List.copyOf(specs);
    }

    /** The full name of an entry's setting under {@link #choiceWithEntrySettings}: "optimizer.adam.learningRate". */
    public static String entrySetting(String choice, String entryId, String setting) {
        return choice + "." + entryId + "." + setting;
    }

    /** The chosen entry's own settings (by their short names) from values declared by {@link #choiceWithEntrySettings}. */
    public Params chosenEntrySettings(Params p, String name) {
        T entry = get(p.getString(name));
        Map<String, Object> settings = new LinkedHashMap<>();
        for (ParamSpec s : entry.params()) settings.put(s.name(), p.get(entrySetting(name, entry.id(), s.name())));
        try {
            return Params.of(entry.params(), settings);
        } catch (InvalidParamException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }
}
