package org.semiont.schema.pull;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.semiont.schema.psl.PrismaSchema;
import org.semiont.schema.psl.PslFixtures;
import org.semiont.schema.psl.PslParser;
import org.semiont.schema.target.TargetCalculator;
import org.semiont.schema.target.TargetSchema;

class FixtureRoundTripTest {
    @ParameterizedTest
    @ValueSource(strings = {"fixtures/realworld.prisma", "psl/blog.prisma", "psl/app-user.prisma"})
    void each_fixture_survives_pull_with_and_without_the_previous_schema(String resource) {
        PrismaSchema schema = PslParser.parse(resource, PslFixtures.resource(resource));
        TargetSchema target = TargetCalculator.calculate(schema, "public");
        String fresh = SchemaPuller.pull(target.sql(), Optional.empty()).psl();
        assertThat(TargetCalculator.calculate(PslParser.parse("fresh.prisma", fresh), "public").sql()).isEqualTo(target.sql());
        String kept = SchemaPuller.pull(target.sql(), Optional.of(schema)).psl();
        assertThat(TargetCalculator.calculate(PslParser.parse("kept.prisma", kept), "public")).isEqualTo(target);
    }
}
