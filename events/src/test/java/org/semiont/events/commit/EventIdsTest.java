package org.semiont.events.commit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void finds_uuid_ids_and_other_ids_and_nothing_else() {
        EventIds ids = new EventIds();
        String uuid = UUID.randomUUID().toString();
        ids.put(uuid, 1);
        ids.put("event-7", 2);
        assertThat(ids.get(uuid)).isEqualTo(1L);
        assertThat(ids.get("event-7")).isEqualTo(2L);
        assertThat(ids.get(UUID.randomUUID().toString())).isNull();
        assertThat(ids.get("event-8")).isNull();
        assertThat(ids.size()).isEqualTo(2);
    }

    /** UUID.fromString reads these as the same UUID; as event ids they are different strings, so different events. */
    @Test
    void other_spellings_of_a_uuid_are_other_ids() {
        EventIds ids = new EventIds();
        String canonical = "0a1b2c3d-0000-4000-8000-00000000abcd";
        ids.put(canonical, 1);
        assertThat(ids.get(canonical.toUpperCase())).isNull();
        assertThat(ids.get("a1b2c3d-0-4000-8000-abcd")).isNull();
        ids.put(canonical.toUpperCase(), 2);
        assertThat(ids.get(canonical)).isEqualTo(1L);
        assertThat(ids.get(canonical.toUpperCase())).isEqualTo(2L);
    }

    @Test
    void keeps_every_id_across_growth_and_forgets_them_on_clear() {
        EventIds ids = new EventIds();
        List<String> all = new java.util.ArrayList<>();
        for (int i = 1; i <= 100_000; i++) {
            String id = i % 10 == 0 ? "custom-" + i : UUID.randomUUID().toString();
            all.add(id);
            ids.put(id, i);
        }
        for (int i = 1; i <= all.size(); i++) {
            assertThat(ids.get(all.get(i - 1))).isEqualTo((long) i);
        }
        assertThat(ids.size()).isEqualTo(100_000);
        ids.clear();
        assertThat(ids.size()).isZero();
        assertThat(ids.get(all.get(0))).isNull();
    }

    @Test
    void ids_that_differ_only_in_low_bits_or_only_in_high_bits_are_told_apart() {
        EventIds ids = new EventIds();
        for (int i = 0; i < 4096; i++) {
            ids.put(String.format("00000000-0000-0000-0000-%012x", i), i + 1);
            ids.put(String.format("%08x-0000-0000-0000-000000000000", i), 10_000 + i);
        }
        for (int i = 0; i < 4096; i++) {
            assertThat(ids.get(String.format("00000000-0000-0000-0000-%012x", i))).isEqualTo(i == 0 ? 10_000L : i + 1L);
            assertThat(ids.get(String.format("%08x-0000-0000-0000-000000000000", i))).isEqualTo(10_000L + i);
        }
        assertThat(ids.size()).isEqualTo(2 * 4096 - 1);
    }

    @Test
    void sequences_start_at_one() {
        assertThatThrownBy(() -> new EventIds().put("x", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Whatever ids come in, in whatever order, it answers as a map would. */
    @Property(tries = 200)
    void answers_like_a_map(@ForAll("idLists") List<String> puts, @ForAll("idLists") List<String> probes) {
        EventIds ids = new EventIds();
        Map<String, Long> model = new HashMap<>();
        long seq = 0;
        for (String id : puts) {
            ids.put(id, ++seq);
            model.put(id, seq);
        }
        for (String id : puts) {
            assertThat(ids.get(id)).isEqualTo(model.get(id));
        }
        for (String id : probes) {
            assertThat(ids.get(id)).isEqualTo(model.get(id));
        }
        assertThat(ids.size()).isEqualTo(model.size());
    }

    @Provide
    Arbitrary<List<String>> idLists() {
        Arbitrary<String> uuids = Arbitraries.create(() -> UUID.randomUUID().toString());
        // few distinct values, so repeats and near-misses are common
        Arbitrary<String> small = Arbitraries.strings().withChars("0a-F").ofMinLength(0).ofMaxLength(36);
        Arbitrary<String> nearUuid = Arbitraries.longs().between(0, 40).map(n -> String.format("00000000-0000-0000-0000-%012x", n));
        Arbitrary<String> upper = nearUuid.map(String::toUpperCase);
        return Arbitraries.oneOf(uuids, small, nearUuid, upper).list().ofMaxSize(300);
    }
}
