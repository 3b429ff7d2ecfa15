package org.layerlab.editor;

import java.util.function.Supplier;
import org.layerlab.editor.command.Command;

/**
 * A problem found outside shape inference (the run's checks against the data: an Output head with 3 units for 2
 * classes) to show on a layer's card, with an optional one-click fix made as an undoable command.
 *
 * @param fixLabel the fix button's text ("Set Outputs to 2"), or null when there is no fix
 * @param fix      makes the fix's command for the graph as it is when clicked, or null
 */
public record CardIssue(String message, String fixLabel, Supplier<Command> fix) {
    public boolean fixable() { return fixLabel != null && fix != null; }

    // Two issues saying the same are the same, whatever closure makes the fix: the card is not rebuilt for it.
    @Override public boolean equals(Object o) {
        return o instanceof CardIssue c && message.equals(c.message) && java.util.Objects.equals(fixLabel, c.fixLabel);
    }

    @Override public int hashCode() { return java.util.Objects.hash(message, fixLabel); }
}
