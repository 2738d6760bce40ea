package org.semiont.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.semiont.server.http.ApiException;
import org.semiont.server.user.UserRecord;

class JwtCodecTest {
    private static final String SECRET = "test-secret-0123456789-0123456789-abcdef";

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-25T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final JwtCodec codec = new JwtCodec(SECRET, "semiont", clock);
    private final UserRecord alice = new UserRecord("u1", "alice@example.org", "Alice", null, "example.org", "local", null,
            true, false, false, null, null, null, null);

    @Test
    void a_token_verified_once_still_expires_on_time() {
        String token = codec.issue(alice, Duration.ofMinutes(10));
        assertThat(codec.verify(token).userId()).isEqualTo("u1");
        assertThat(codec.verify(token).email()).isEqualTo("alice@example.org");

        clock.now = clock.now.plus(Duration.ofMinutes(11));

        assertThatThrownBy(() -> codec.verify(token)).isInstanceOf(ApiException.class).hasMessageContaining("expired");
        assertThatThrownBy(() -> codec.verify(token)).isInstanceOf(ApiException.class).hasMessageContaining("expired");
    }

    @Test
    void a_token_signed_with_another_secret_is_refused_even_after_a_good_one_was_cached() {
        String good = codec.issue(alice, Duration.ofMinutes(10));
        codec.verify(good);
        String forged = new JwtCodec("other-secret-0123456789-0123456789-abcdef", "semiont", clock).issue(alice, Duration.ofMinutes(10));

        assertThatThrownBy(() -> codec.verify(forged)).isInstanceOf(ApiException.class).hasMessageContaining("signature");
    }

    @Test
    void the_cache_stays_bounded_and_answers_correctly_after_it_is_emptied() {
        String first = codec.issue(alice, Duration.ofMinutes(10));
        codec.verify(first);
        for (int i = 0; i < JwtCodec.VERIFIED_CACHE_SIZE + 5; i++) {
            clock.now = clock.now.plusMillis(1000);
            codec.verify(codec.issue(alice, Duration.ofHours(1)));
        }
        assertThat(codec.cachedTokens()).isLessThanOrEqualTo(JwtCodec.VERIFIED_CACHE_SIZE);
        assertThatThrownBy(() -> codec.verify(first)).hasMessageContaining("expired");
    }
}
