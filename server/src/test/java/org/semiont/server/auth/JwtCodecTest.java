package org.semiont.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.semiont.server.error.DomainException;
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
        String token = access(codec, Duration.ofMinutes(10));
        assertThat(codec.verify(token).userId()).isEqualTo("u1");
        assertThat(codec.verify(token).email()).isEqualTo("alice@example.org");

        clock.now = clock.now.plus(Duration.ofMinutes(11));

        assertThatThrownBy(() -> codec.verify(token)).isInstanceOf(DomainException.class).hasMessageContaining("expired");
        assertThatThrownBy(() -> codec.verify(token)).isInstanceOf(DomainException.class).hasMessageContaining("expired");
    }

    @Test
    void a_token_signed_with_another_secret_is_refused_even_after_a_good_one_was_cached() {
        String good = access(codec, Duration.ofMinutes(10));
        codec.verify(good);
        String forged = access(new JwtCodec("other-secret-0123456789-0123456789-abcdef", "semiont", clock), Duration.ofMinutes(10));

        assertThatThrownBy(() -> codec.verify(forged)).isInstanceOf(DomainException.class).hasMessageContaining("signature");
    }

    @Test
    void the_cache_stays_bounded_and_answers_correctly_after_it_is_emptied() {
        String first = access(codec, Duration.ofMinutes(10));
        codec.verify(first);
        for (int i = 0; i < JwtCodec.VERIFIED_CACHE_SIZE + 5; i++) {
            clock.now = clock.now.plusMillis(1000);
            codec.verify(access(codec, Duration.ofHours(1)));
        }
        assertThat(codec.cachedTokens()).isLessThanOrEqualTo(JwtCodec.VERIFIED_CACHE_SIZE);
        assertThatThrownBy(() -> codec.verify(first)).hasMessageContaining("expired");
    }

    private String access(JwtCodec c, Duration ttl) {
        return c.issueAccess(alice, "s1", ttl, clock.now.plus(Duration.ofDays(30)));
    }

    @Test
    void a_signature_spelled_another_way_is_refused_though_it_decodes_to_the_same_bytes() {
        String token = access(codec, Duration.ofMinutes(10));
        assertThat(codec.verify(token).sessionId()).isEqualTo("s1");
        String sig = token.substring(token.lastIndexOf('.') + 1);
        // 32 bytes are 43 base64url characters: the last one carries 4 spare bits a lenient decoder ignores
        char last = sig.charAt(sig.length() - 1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char sibling = alphabet.charAt(alphabet.indexOf(last) ^ 1);
        String spareBits = token.substring(0, token.length() - 1) + sibling;
        assertThat(java.util.Base64.getUrlDecoder().decode(spareBits.substring(spareBits.lastIndexOf('.') + 1)))
                .as("the altered spelling decodes to the same signature").isEqualTo(java.util.Base64.getUrlDecoder().decode(sig));
        assertThatThrownBy(() -> codec.verify(spareBits)).isInstanceOf(DomainException.class).hasMessageContaining("canonical");
        assertThatThrownBy(() -> codec.verify(token + "=")).isInstanceOf(DomainException.class).hasMessageContaining("canonical");
        assertThatThrownBy(() -> codec.verify(token + ".")).isInstanceOf(DomainException.class);
    }

    @Test
    void refresh_and_access_tokens_say_what_they_are() {
        Claims refresh = codec.verify(codec.issueRefresh("u1", "s1", 3, clock.now.plus(Duration.ofDays(30))));
        assertThat(refresh.refresh()).isTrue();
        assertThat(refresh.access()).isFalse();
        assertThat(refresh.generation()).isEqualTo(3);
        assertThat(codec.verify(access(codec, Duration.ofMinutes(1))).access()).isTrue();
    }

    @Test
    void an_access_token_never_outlives_its_session() {
        Claims c = codec.verify(codec.issueAccess(alice, "s1", Duration.ofDays(7), clock.now.plus(Duration.ofHours(2))));
        assertThat(c.expiresAt()).isEqualTo(clock.now.plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    @Test
    void during_a_rotation_tokens_of_the_previous_secret_are_accepted_and_new_ones_are_signed_with_the_new_secret() {
        String old = access(codec, Duration.ofMinutes(10));
        String next = "rotated-secret-0123456789-0123456789-xyz";
        JwtCodec rotating = new JwtCodec(next, java.util.Optional.of(SECRET), "semiont", clock);
        assertThat(rotating.verify(old).userId()).isEqualTo("u1");
        String fresh = access(rotating, Duration.ofMinutes(10));
        assertThatThrownBy(() -> codec.verify(fresh)).hasMessageContaining("signature");
        JwtCodec rotated = new JwtCodec(next, "semiont", clock);
        assertThat(rotated.verify(fresh).userId()).isEqualTo("u1");
        assertThatThrownBy(() -> rotated.verify(old)).hasMessageContaining("signature");
    }
}
