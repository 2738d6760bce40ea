package org.semiont.server.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.semiont.events.StoredEvent;
import org.semiont.events.jsonl.LineCodec;

class LiveFeedTest {
    private static final LineCodec CODEC = new LineCodec();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void hands_batches_over_in_order_and_drops_past_its_limit_without_blocking() throws Exception {
        LiveFeed feed = new LiveFeed(3);
        feed.accept(events(1, 2));
        feed.accept(events(3));
        feed.accept(events(4, 5)); // 3 queued: dropped
        assertThat(positions(feed.take())).containsExactly(1L, 2L);
        assertThat(positions(feed.take())).containsExactly(3L);
        assertThat(feed.take()).isNull();
        feed.accept(events(6)); // room again
        assertThat(positions(feed.take(1_000))).containsExactly(6L);
    }

    @Test
    void add_new_keeps_the_batch_contiguous_skips_what_is_applied_and_reports_a_gap() {
        List<StoredEvent> batch = new ArrayList<>();
        assertThat(LiveFeed.addNew(batch, events(3, 4, 5), 3)).isTrue();
        assertThat(positions(batch)).containsExactly(4L, 5L);
        assertThat(LiveFeed.addNew(batch, events(4, 5, 6), 3)).isTrue();
        assertThat(positions(batch)).containsExactly(4L, 5L, 6L);
        assertThat(LiveFeed.addNew(batch, events(8, 9), 3)).as("7 was dropped").isFalse();
        assertThat(positions(batch)).containsExactly(4L, 5L, 6L);
        assertThat(LiveFeed.addNew(new ArrayList<>(), events(2), 0)).isFalse();
    }

    private static List<StoredEvent> events(long... positions) {
        List<StoredEvent> out = new ArrayList<>();
        for (long p : positions) {
            out.add(new StoredEvent("s", p, CODEC.encode(JSON.createObjectNode().put("type", "t"), p,
                    "2026-11-25T00:00:00.000Z", null)));
        }
        return out;
    }

    private static List<Long> positions(List<StoredEvent> events) {
        return events.stream().map(StoredEvent::position).toList();
    }
}
