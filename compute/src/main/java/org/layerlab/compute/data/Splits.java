package org.layerlab.compute.data;

/** A data set split into the part that trains, the part watched during training, and the part kept for the end. */
public record Splits(Dataset train, Dataset validation, Dataset test) {
    /** Validation and test may be null (a ratio of 0). */
    public boolean hasValidation() { return validation != null && validation.size() > 0; }
    public boolean hasTest() { return test != null && test.size() > 0; }
}
