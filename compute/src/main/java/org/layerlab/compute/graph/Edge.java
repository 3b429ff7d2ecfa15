package org.layerlab.compute.graph;

/** A wire from a node's output to input port {@code port} of another node. */
public record Edge(String from, String to, int port) {}
