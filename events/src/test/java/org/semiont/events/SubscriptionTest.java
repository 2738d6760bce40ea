package org.semiont.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubscriptionTest {
    @TempDir
    Path dir;

    @Test
    void aGlobalSubscriptionCatchesUpFromAPositionThenReceivesNewEvents() throws Exception {
        try (EventLog log = Fixtures.open(dir)) {
            for (int i = 0; i < 5; i++) {
                log.append("s" + i, ExpectedVersion.any(), Fixtures.event("x", null, "t"));
            }
            List<Long> seen = new CopyOnWriteArrayList<>();
            CountDownLatch done = new CountDownLatch(7);
            try (Subscription sub = log.subscribeAll(3, e -> {
                seen.add(e.position());
                done.countDown();
            })) {
                log.append("s9", ExpectedVersion.any(), Fixtures.event("x", null, "a"), Fixtures.event("x", null, "b"),
                        Fixtures.event("x", null, "c"), Fixtures.event("x", null, "d"));
                assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
                assertThat(seen).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L);
                assertThat(sub.isActive()).isTrue();
            }
        }
    }

    @Test
    void aStreamSubscriptionResumesAfterALastEventIdAndSeesOnlyItsStream() throws Exception {
        try (EventLog log = Fixtures.open(dir)) {
            for (int i = 0; i < 3; i++) {
                log.append("doc-a", ExpectedVersion.any(), Fixtures.event("x", "doc-a", "t"));
            }
            List<Long> seen = new CopyOnWriteArrayList<>();
            CountDownLatch done = new CountDownLatch(3);
            try (Subscription sub = log.subscribeStream("doc-a", 3, e -> {
                seen.add(e.sequence());
                done.countDown();
            })) {
                log.append("doc-b", ExpectedVersion.any(), Fixtures.event("x", "doc-b", "t"));
                log.append("doc-a", ExpectedVersion.any(), Fixtures.event("x", "doc-a", "t"));
                log.append("doc-a", ExpectedVersion.any(), Fixtures.event("x", "doc-a", "t"));
                assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
                assertThat(seen).containsExactly(3L, 4L, 5L);
                assertThat(sub.nextToDeliver()).isEqualTo(6);
            }
        }
    }

    @Test
    void aFailingOrBlockedSubscriberDoesNotStopAppendsOrOtherSubscribers() throws Exception {
        try (EventLog log = Fixtures.open(dir)) {
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch healthy = new CountDownLatch(50);
            Subscription blocked = log.subscribeAll(1, e -> release.await());
            Subscription failing = log.subscribeAll(1, e -> {
                throw new IllegalStateException("projection broke");
            });
            Subscription ok = log.subscribeAll(1, e -> healthy.countDown());
            for (int i = 0; i < 50; i++) {
                log.append("s", ExpectedVersion.any(), Fixtures.event("x", null, "t"));
            }
            assertThat(healthy.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(failing.failure()).get().isInstanceOf(IllegalStateException.class);
            assertThat(failing.isActive()).isFalse();
            release.countDown();
            blocked.close();
            ok.close();
        }
    }
}
