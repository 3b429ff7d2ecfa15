package org.layerlab.compute.catalog;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An ordered registry of declarations of one kind (layers, activations, losses, …), looked up by id. */
public final class Catalog<T extends CatalogEntry> {
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
        return "unknown " + kind + " '" + id + "' (known: " + String.join(", ", entries.keySet()) + ")";
    }

    public Collection<T> all() { return Collections.unmodifiableCollection(entries.values()); }

    public List<String> ids() { return List.copyOf(entries.keySet()); }

    public String kind() { return kind; }
}
