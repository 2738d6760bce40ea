package org.semiont.schema.pull;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.semiont.schema.psl.PrismaSchema;
import org.semiont.schema.psl.PslFixtures;
import org.semiont.schema.psl.PslParser;
import org.semiont.schema.target.TargetCalculator;
import org.semiont.schema.target.TargetSchema;

class SchemaPullerTest {
    @Test
    void scratch() {
        PrismaSchema s = PslParser.parse("blog.prisma", PslFixtures.resource("psl/blog.prisma"));
        TargetSchema t = TargetCalculator.calculate(s, "public");
        PullResult fresh = SchemaPuller.pull(t.sql(), Optional.empty());
        System.out.println(fresh.psl());
        System.out.println(fresh.warnings());
        PullResult again = SchemaPuller.pull(t.sql(), Optional.of(s));
        System.out.println(again.psl());
        System.out.println(again.warnings());
        assertThat(TargetCalculator.calculate(PslParser.parse("p", fresh.psl()), "public").sql()).isEqualTo(t.sql());
        assertThat(TargetCalculator.calculate(PslParser.parse("p", again.psl()), "public")).isEqualTo(t);
    }
}
