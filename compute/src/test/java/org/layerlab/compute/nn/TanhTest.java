package org.layerlab.compute.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The activation's own tanh against {@code (float) Math.tanh}, which it replaces for speed. */
class TanhTest {

    @Test void agreesWithMathTanhToTheUlpAndAlmostAlwaysExactly() {
        long checked = 0, differing = 0;
        int last = Float.floatToRawIntBits(40f);
        for (int bits = 0; bits <= last; bits += 997) { // every 997th float from 0 to 40: subnormals, the series, the exp range, 1
            for (float x : new float[] {Float.intBitsToFloat(bits), -Float.intBitsToFloat(bits)}) {
                float want = (float) Math.tanh(x), got = Activations.tanh(x);
                int ulps = Math.abs(Float.floatToRawIntBits(want) - Float.floatToRawIntBits(got));
                assertTrue(ulps <= 1, "tanh(" + x + ") = " + got + ", Math.tanh gives " + want);
                checked++;
                if (ulps != 0) differing++;
            }
        }
        assertTrue(differing * 100_000 < checked, differing + " of " + checked + " differ by one ulp");
    }

    @Test void keepsTheSpecialValues() {
        assertTrue(Float.isNaN(Activations.tanh(Float.NaN)));
        assertEquals(1f, Activations.tanh(Float.POSITIVE_INFINITY));
        assertEquals(-1f, Activations.tanh(Float.NEGATIVE_INFINITY));
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(Activations.tanh(-0f)));
        assertEquals(0f, Activations.tanh(0f));
        assertEquals(1f, Activations.tanh(1e30f));
        assertEquals(Float.MIN_VALUE, Activations.tanh(Float.MIN_VALUE));
    }

    @Test void theActivationUsesIt() {
        float[] x = {-3f, -0.5f, 0f, 1e-5f, 0.7f, 9f}, y = new float[x.length];
        for (int i = 0; i < x.length; i++) y[i] = (float) Math.tanh(x[i]);
        float[] got = Activations.TANH.apply(org.layerlab.compute.autodiff.Var.constant(org.layerlab.compute.tensor.Tensor.of(x, 6))).value().data();
        for (int i = 0; i < x.length; i++) assertEquals(y[i], got[i], Math.ulp(y[i]), "x = " + x[i]);
    }
}
