package org.layerlab.compute.graph;

import org.layerlab.compute.catalog.Params;

/** A layer placed in the graph: id (stable, unique), layer type id, display name, checked parameters, canvas position. */
public record Node(String id, String type, String name, Params params, double x, double y) {
    public Node withParams(Params p) { return new Node(id, type, name, p, x, y); }
    public Node withPosition(double nx, double ny) { return new Node(id, type, name, params, nx, ny); }
    public Node withName(String n) { return new Node(id, type, n, params, x, y); }
}
