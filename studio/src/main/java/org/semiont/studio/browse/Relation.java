package org.semiont.studio.browse;

/**
 * A link from a row: to one row of another model ({@code column} holds its key), or to the rows of another model
 * that point back (a filtered table view: {@code filterColumn} {@code op} this row's {@code column}).
 */
public record Relation(String label, String column, String targetModel, String filterColumn, Filter.Op op, boolean toOne) {
    public static Relation toOne(String column, String targetModel) {
        return new Relation(column + " → " + targetModel, column, targetModel, null, null, true);
    }

    public static Relation toMany(String label, String column, String targetModel, String filterColumn, Filter.Op op) {
        return new Relation(label, column, targetModel, filterColumn, op, false);
    }
}
