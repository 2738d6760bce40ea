package org.semiont.schema.pull;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.semiont.schema.psl.PrismaSchema;
import org.semiont.schema.psl.PslParser;
import org.semiont.schema.target.TargetCalculator;
import org.semiont.schema.target.TargetSchema;

/** pull(target(parse(x))) parses again and targets the same database; with x as the previous schema, exactly the same. */
class RoundTripPropertyTest {
    @Provide
    Arbitrary<String> schemas() {
        return Arbitraries.longs().map(seed -> new RandomSchemas(new Random(seed)).schema());
    }

    @Property(tries = 300)
    void a_fresh_pull_targets_the_same_sql_schema(@ForAll("schemas") String psl) {
        TargetSchema target = TargetCalculator.calculate(PslParser.parse("random.prisma", psl), "public");
        String pulled = SchemaPuller.pull(target.sql(), Optional.empty()).psl();
        assertThat(TargetCalculator.calculate(PslParser.parse("pulled.prisma", pulled), "public").sql())
                .as("pulled:\n%s", pulled).isEqualTo(target.sql());
    }

    @Property(tries = 300)
    void re_introspection_yields_the_same_target_schema_and_is_stable(@ForAll("schemas") String psl) {
        PrismaSchema schema = PslParser.parse("random.prisma", psl);
        TargetSchema target = TargetCalculator.calculate(schema, "public");
        String pulled = SchemaPuller.pull(target.sql(), Optional.of(schema)).psl();
        PrismaSchema reparsed = PslParser.parse("pulled.prisma", pulled);
        assertThat(TargetCalculator.calculate(reparsed, "public")).as("pulled:\n%s", pulled).isEqualTo(target);
        assertThat(SchemaPuller.pull(target.sql(), Optional.of(reparsed)).psl()).isEqualTo(pulled);
    }
}
