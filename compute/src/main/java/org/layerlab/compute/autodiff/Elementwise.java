package org.layerlab.compute.autodiff;

/** A scalar function applied to every element, with its derivative beside it (y = f(x) is passed in for cheap rules). */
public interface Elementwise {
    float apply(float x);

    /** dy/dx at x, where y = apply(x). */
    float derivative(float x, float y);
}
