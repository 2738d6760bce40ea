package org.semiont.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SharedBuffersTest {
    private static final long GB = 1024L * 1024 * 1024;

    @Test
    void a_sixteenth_of_the_memory_between_128_mb_and_1_gb() {
        assertThat(SharedBuffers.forMemory(8 * GB)).isEqualTo("512MB");
        assertThat(SharedBuffers.forMemory(24 * GB)).isEqualTo("1024MB");
        assertThat(SharedBuffers.forMemory(512L * 1024 * 1024)).isEqualTo("128MB");
        assertThat(SharedBuffers.forMemory(0)).isEqualTo("128MB");
    }
}
