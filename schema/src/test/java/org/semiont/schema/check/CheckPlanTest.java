package org.semiont.schema.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.semiont.schema.diff.Step.TableRef;

class CheckPlanTest {
    private static final TableRef T = new TableRef("public", "T");

    @Test
    void each_count_is_asked_for_once_even_when_several_checks_need_it() {
        CheckPlan plan = new CheckPlan(List.of(new Check.NonEmptyTableDrop(T), new Check.PrimaryKeyChange(T),
                new Check.NonEmptyColumnDrop(T, "c")));

        assertThat(plan.queries()).containsExactly(new CountQuery.RowCount(T), new CountQuery.NonNullCount(T, "c"));
    }

    @Test
    void unknown_counts_give_the_conditional_wording() {
        CheckReport report = new CheckPlan(List.of(new Check.NonEmptyTableDrop(T), new Check.AddedRequiredField(T, "c", false),
                new Check.UniqueConstraintAddition(T, List.of("a", "b")))).evaluate(Counts.unknown());

        assertThat(report.warnings()).extracting(Finding::message).containsExactly(
                "You are about to drop the `T` table. If the table is not empty, all the data it contains will be lost.",
                "A unique constraint covering the columns `[a,b]` on the table `T` will be added. If there are existing"
                        + " duplicate values, this will fail.");
        assertThat(report.unexecutable()).extracting(Finding::message).containsExactly(
                "Added the required column `c` to the `T` table without a default value. This is not possible if the table is not empty.");
    }

    @Test
    void known_zero_counts_silence_the_checks() {
        Counts counts = new Counts(Map.of(new CountQuery.RowCount(T), 0L, new CountQuery.NonNullCount(T, "c"), 0L));
        CheckReport report = new CheckPlan(List.of(new Check.NonEmptyTableDrop(T), new Check.MadeOptionalFieldRequired(T, "c")))
                .evaluate(counts);
        assertThat(report).isEqualTo(CheckReport.clean());
    }

    @Test
    void duplicate_counting_ignores_rows_with_nulls() {
        assertThat(new CountQuery.DuplicateCount(T, List.of("a")).sql()).isEqualTo("SELECT COALESCE(SUM(n - 1), 0) FROM"
                + " (SELECT COUNT(*) AS n FROM \"public\".\"T\" WHERE \"a\" IS NOT NULL GROUP BY \"a\" HAVING COUNT(*) > 1) AS d");
    }

    @Test
    void every_check_kind_evaluates_with_unknown_counts_and_with_zero_counts() {
        for (Class<?> kind : Check.class.getPermittedSubclasses()) {
            Check check = sample(kind.getSimpleName());
            assertThat(check).isInstanceOf(kind);
            check.evaluate(Counts.unknown()).ifPresent(o -> assertThat(o.finding().message()).contains("`"));
            java.util.Map<CountQuery, Long> zeros = new java.util.HashMap<>();
            check.needs().forEach(q -> zeros.put(q, 0L));
            assertThat(check.evaluate(new Counts(zeros))).as(kind.getSimpleName()).isEmpty();
        }
    }

    private static Check sample(String kind) {
        var fk = new org.semiont.schema.sql.ForeignKey("T_u_fkey", List.of("u"), "public", "U", List.of("id"),
                org.semiont.schema.sql.ForeignKey.ReferentialAction.CASCADE, org.semiont.schema.sql.ForeignKey.ReferentialAction.CASCADE);
        return switch (kind) {
            case "NonEmptyTableDrop" -> new Check.NonEmptyTableDrop(T);
            case "NonEmptyColumnDrop" -> new Check.NonEmptyColumnDrop(T, "c");
            case "RiskyCast" -> new Check.RiskyCast(T, "c", "BigInt", "Integer");
            case "DropAndRecreateColumn" -> new Check.DropAndRecreateColumn(T, "c", true);
            case "PrimaryKeyChange" -> new Check.PrimaryKeyChange(T);
            case "AddedRequiredField" -> new Check.AddedRequiredField(T, "c", true);
            case "MadeOptionalFieldRequired" -> new Check.MadeOptionalFieldRequired(T, "c");
            case "UniqueConstraintAddition" -> new Check.UniqueConstraintAddition(T, List.of("c"));
            case "EnumValueRemoval" -> new Check.EnumValueRemoval("E", List.of("A"), new CountQuery.EnumUsageCount(
                    List.of(new CountQuery.EnumColumnRef(T, "e", false)), List.of("A")), 0);
            case "ForeignKeyOrphans" -> new Check.ForeignKeyOrphans(T, fk, new CountQuery.OrphanCount(T, List.of("u"),
                    new TableRef("public", "U"), List.of("id"), false));
            default -> throw new IllegalStateException("no sample for check kind " + kind + ": add one");
        };
    }
}
