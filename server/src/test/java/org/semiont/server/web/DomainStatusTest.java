package org.semiont.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.semiont.server.error.DomainException;

class DomainStatusTest {
    /** One of every kind, and every code a kind carries. */
    private static final List<DomainException> EVERY_KIND = List.of(
            DomainException.notFound("n"), DomainException.conflict("c"),
            DomainException.invalid("VALIDATION_FAILED", "v"), DomainException.invalid("BAD_REQUEST", "b"),
            DomainException.unavailable("u"), DomainException.unauthenticated("UNAUTHORIZED", "a"),
            DomainException.unauthenticated("INVALID_CREDENTIALS", "i"), DomainException.denied("d"),
            DomainException.stale("s"), DomainException.versionRequired("r"), DomainException.throttled("t", null),
            DomainException.unsupported("m"), DomainException.unacceptable("x"), DomainException.tooLarge("l"),
            DomainException.corrupted("k"));

    @Test
    void a_domain_failure_gets_the_status_its_stable_code_has_always_had() {
        for (DomainException e : EVERY_KIND) {
            assertThat(ErrorMapper.status(e.kind())).as(e.code()).isEqualTo(ApiError.valueOf(e.code()).status());
        }
    }

    @Test
    void every_kind_is_covered_above() {
        Set<DomainException.Kind> seen = EVERY_KIND.stream().map(DomainException::kind).collect(Collectors.toSet());
        assertThat(seen).isEqualTo(EnumSet.allOf(DomainException.Kind.class));
    }

    @Test
    void a_throttled_failure_names_its_wait_in_seconds() {
        DomainException e = DomainException.throttled("slow down", Duration.ofSeconds(42));
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(42));
        assertThat(e.details()).isEqualTo(java.util.Map.of("retryAfter", 42L));
        assertThat(DomainException.throttled("no wait known", null).details()).isNull();
    }
}
