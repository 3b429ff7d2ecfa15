package org.layerlab.compute.autodiff;

/**
 * A scalar function applied to every element, with its derivative beside it (y = f(x) is passed in for cheap rules).
 * The bulk methods are what {@link Ops#map} calls; hot functions override them with their own loops, so the JIT
 * sees one function per loop and inlines (and vectorises) it instead of calling through the interface per element.
 */
public interface Elementwise {
    float apply(float x);

    /** dy/dx at x, where y = apply(x). */
    float derivative(float x, float y);

    /** y[i] = f(x[i]). */
    default void applyAll(float[] x, float[] y) {
        for (int i = 0; i < x.length; i++) y[i] = apply(x[i]);
    }

    /** gx[i] += g[i]·f'(x[i]). */
    default void backwardAll(float[] x, float[] y, float[] g, float[] gx) {
        for (int i = 0; i < g.length; i++) gx[i] += g[i] * derivative(x[i], y[i]);
    }
}
