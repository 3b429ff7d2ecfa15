package org.layerlab.compute.autodiff;

import org.layerlab.compute.kernels.Gemm;

/**
 * A scalar function applied to every element, with its derivative beside it (y = f(x) is passed in for cheap rules).
 * The bulk methods are what {@link Ops#map} calls; hot functions override them with their own loops, so the JIT
 * sees one function per loop and inlines (and vectorises) it instead of calling through the interface per element.
 */
public interface Elementwise extends Gemm.RowFunction {
    float apply(float x);

    /** dy/dx at x, where y = apply(x). */
    float derivative(float x, float y);

    /** y[i] = f(x[i]). */
    default void applyAll(float[] x, float[] y) {
        for (int i = 0; i < x.length; i++) y[i] = apply(x[i]);
    }

    /** v[i] = f(v[i]) for i in [from, to): what a product's epilogue calls on each finished stretch of its output. */
    @Override default void applyInPlace(float[] v, int from, int to) {
        for (int i = from; i < to; i++) v[i] = apply(v[i]);
    }

    /**
     * Whether the derivative can be had from the output alone: {@code derivative(y, y)} equals
     * {@code derivative(x, y)} and {@link #backwardAll} may be given y in place of x (ReLU: y &gt; 0 exactly when
     * x &gt; 0; tanh and sigmoid use only y). A layer may then apply the function in its product's store and keep no
     * copy of the input.
     */
    default boolean derivativeFromOutput() { return false; }

    /** gx[i] += g[i]·f'(x[i]). */
    default void backwardAll(float[] x, float[] y, float[] g, float[] gx) {
        for (int i = 0; i < g.length; i++) gx[i] += g[i] * derivative(x[i], y[i]);
    }
}
