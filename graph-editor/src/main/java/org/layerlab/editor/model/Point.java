package org.layerlab.editor.model;

/** A position on the canvas, in canvas (unzoomed) pixels. */
public record Point(double x, double y) {}
