package org.layerlab.compute.catalog;

import java.util.List;

/** What every catalog declaration has: a stable id (used in files), a display name, an explanation and parameters. */
public interface CatalogEntry {
    String id();

    String displayName();

    /** One plain-language sentence for tooltips and teaching. */
    String description();

    List<ParamSpec> params();

    default Params defaultParams() { return Params.defaults(params()); }

    /**
     * This entry with its {@link #params()} set to {@code settings} (checked values). Entries without settings
     * return themselves; subtypes narrow the return type.
     */
    default CatalogEntry configured(Params settings) { return this; }
}
