package org.semiont.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {
    private final JwtCodecTest.ManualClock clock = new JwtCodecTest.ManualClock();
    private final SignInThrottle throttle = new SignInThrottle(clock, 20);

    @Test
    void an_address_gets_its_burst_then_one_attempt_per_refill() {
        for (int i = 0; i < 20; i++) {
            assertThat(throttle.attempt("a" + i + "@x.org", "10.0.0.1", a -> false)).as("attempt " + i).isEmpty();
        }
        assertThat(throttle.attempt("z@x.org", "10.0.0.1", a -> false)).isPresent();
        assertThat(throttle.attempt("z@x.org", "10.0.0.2", a -> false)).as("another address is not affected").isEmpty();
        clock.now = clock.now.plusSeconds(3);
        assertThat(throttle.attempt("z@x.org", "10.0.0.1", a -> false)).isEmpty();
        assertThat(throttle.attempt("z@x.org", "10.0.0.1", a -> false)).isPresent();
    }

    @Test
    void five_failures_for_one_account_from_one_address_make_that_address_wait_doubling_up_to_fifteen_minutes() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.attempt("bob@x.org", "10.0.0.1", a -> false)).isEmpty();
            throttle.failed("bob@x.org", "10.0.0.1");
        }
        assertThat(throttle.attempt("bob@x.org", "10.0.0.1", a -> false)).hasValueSatisfying(
                wait -> assertThat(wait).isBetween(Duration.ofSeconds(29), Duration.ofSeconds(31)));
        assertThat(throttle.attempt("bob@x.org", "10.0.0.9", a -> false)).as("the owner elsewhere may still try").isEmpty();
        assertThat(throttle.attempt("ann@x.org", "10.0.0.1", a -> false)).as("other accounts from there too").isEmpty();
        clock.now = clock.now.plusSeconds(31);
        assertThat(throttle.attempt("bob@x.org", "10.0.0.1", a -> false)).isEmpty();
        throttle.failed("bob@x.org", "10.0.0.1");
        assertThat(throttle.attempt("bob@x.org", "10.0.0.1", a -> false)).hasValueSatisfying(
                wait -> assertThat(wait).isGreaterThan(Duration.ofSeconds(59)));
        assertThat(SignInThrottle.pairWait(40)).isEqualTo(Duration.ofMinutes(15));
        throttle.succeeded("bob@x.org", "10.0.0.1");
        assertThat(throttle.attempt("bob@x.org", "10.0.0.1", a -> false)).as("a success clears the count").isEmpty();
    }

    @Test
    void an_account_under_attack_from_everywhere_stays_open_to_the_places_its_owner_signed_in_from() {
        for (int i = 0; i < 20; i++) {
            String address = "203.0.113." + i;
            assertThat(throttle.attempt("admin@x.org", address, a -> false)).isEmpty();
            throttle.failed("admin@x.org", address);
        }
        assertThat(throttle.attempt("admin@x.org", "198.51.100.7", a -> false)).as("a new place is held off").isPresent();
        assertThat(throttle.attempt("admin@x.org", "192.0.2.1", a -> a.equals("192.0.2.1")))
                .as("the owner's known place is not").isEmpty();
        clock.now = clock.now.plus(SignInThrottle.ACCOUNT_WINDOW).plusSeconds(1);
        assertThat(throttle.attempt("admin@x.org", "198.51.100.7", a -> false)).as("the guard lifts as failures age").isEmpty();
    }
}
