package org.semiont.server.db;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.semiont.server.datadir.AtomicFiles;
import org.semiont.server.datadir.DataDirLayout;

/** {@code <data-dir>/run/postgres.json}: how other processes reach the running embedded PostgreSQL. */
final class RuntimeFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    record State(int port, long postmasterPid, long ownerPid) {
    }

    private RuntimeFile() {
    }

    static void write(DataDirLayout layout, int port, long postmasterPid) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("port", port);
        m.put("postmasterPid", postmasterPid);
        m.put("ownerPid", ProcessHandle.current().pid());
        AtomicFiles.write(layout.postgresRuntimeFile(), JSON.writeValueAsBytes(m));
    }

    static Optional<State> read(DataDirLayout layout) {
        try {
            if (!Files.exists(layout.postgresRuntimeFile())) {
                return Optional.empty();
            }
            Map<?, ?> m = JSON.readValue(layout.postgresRuntimeFile().toFile(), Map.class);
            return Optional.of(new State(((Number) m.get("port")).intValue(), ((Number) m.get("postmasterPid")).longValue(),
                    ((Number) m.get("ownerPid")).longValue()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static void delete(DataDirLayout layout) {
        try {
            Files.deleteIfExists(layout.postgresRuntimeFile());
        } catch (IOException ignored) {
            // A leftover file is harmless: readers check that the owner holds the data dir lock.
        }
    }
}
