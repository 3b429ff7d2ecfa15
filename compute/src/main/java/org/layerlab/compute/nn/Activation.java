package org.layerlab.compute.nn;

import java.util.List;
import org.layerlab.compute.autodiff.Elementwise;
import org.layerlab.compute.autodiff.Ops;
import org.layerlab.compute.autodiff.Var;
import org.layerlab.compute.catalog.CatalogEntry;
import org.layerlab.compute.catalog.ParamSpec;

/** An activation function; declared once in {@link Activations}, used by Dense, Conv2D and the Activation layer. */
public interface Activation extends CatalogEntry {
    Var apply(Var x);

    /** The gain that keeps variance through the layer (for initialisers), as in PyTorch's calculate_gain. */
    default double gain() { return 1.0; }

    @Override default List<ParamSpec> params() { return List.of(); }

    /** An activation applied element by element, its derivative declared beside it. */
    static Activation elementwise(String id, String name, String description, double gain, Elementwise f) {
        return new Activation() {
            @Override public Var apply(Var x) { return Ops.map(x, f, id); }
            @Override public double gain() { return gain; }
            @Override public String id() { return id; }
            @Override public String displayName() { return name; }
            @Override public String description() { return description; }
        };
    }
}
