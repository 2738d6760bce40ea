package org.semiont.schema;

/**
 * @param acceptDataLoss apply even when there are data-loss warnings
 * @param forceReset     drop and recreate the schema's namespaces first (everything in them is lost)
 */
public record PushOptions(boolean acceptDataLoss, boolean forceReset) {
    public static PushOptions safe() {
        return new PushOptions(false, false);
    }
}
