package org.layerlab.editor;

import java.util.EnumMap;
import java.util.Map;
import org.layerlab.compute.graph.Node;
import org.layerlab.compute.graph.NodeInfo;
import org.layerlab.compute.layers.Category;
import org.layerlab.compute.layers.LayerType;
import org.layerlab.editor.model.Orientation;

/**
 * Makes the card for a layer, chosen by the layer's category; categories without their own skin get the default
 * {@link NodeCard}. A new layer type needs no editor code: its category decides its look.
 */
public final class NodeSkinFactory {
    /** Builds a card for one layer. */
    @FunctionalInterface
    public interface Skin {
        NodeCard create(Node node, LayerType type, NodeInfo info, int inputPorts, Orientation orientation);
    }

    private final Map<Category, Skin> skins = new EnumMap<>(Category.class);
    private Skin fallback = NodeCard::new;

    public void register(Category category, Skin skin) { skins.put(category, skin); }

    public void setDefault(Skin skin) { fallback = skin; }

    NodeCard create(Node node, LayerType type, NodeInfo info, int inputPorts, Orientation orientation) {
        return skins.getOrDefault(type.category(), fallback).create(node, type, info, inputPorts, orientation);
    }
}
