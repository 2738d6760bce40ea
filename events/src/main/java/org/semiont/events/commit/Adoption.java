package org.semiont.events.commit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.semiont.events.EventsException;
import org.semiont.events.jsonl.EventLine;
import org.semiont.events.jsonl.StreamLayout;
import org.semiont.events.jsonl.StreamReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives global positions to streams that exist without a global log (a data directory written by
 * the original Semiont, or by hand). Runs once, when the log is first opened for writing; a stream
 * that cannot be read cleanly is left out with a warning and stays out of {@code readAll}.
 */
final class Adoption {
    private static final Logger LOG = LoggerFactory.getLogger(Adoption.class);
    private static final int BATCH = 1000;

    private Adoption() {
    }

    static long adopt(StreamLayout layout, StreamLoader loader, WalWriter wal) throws IOException {
        long pos = 0;
        List<WalRecord> batch = new ArrayList<>(BATCH);
        List<String> ids = layout.streamIds();
        for (String id : ids) {
            try {
                loader.check(id);
            } catch (EventsException e) {
                LOG.warn("stream '{}' is not given global positions: {}", id, e.getMessage());
                continue;
            }
            try (StreamReader r = new StreamReader(layout.files(id), 1)) {
                while (r.hasNext()) {
                    EventLine line = r.next();
                    batch.add(new WalRecord(++pos, id, line.sequence(), true, line.bytes()));
                    if (batch.size() == BATCH) {
                        wal.write(batch);
                        batch.clear();
                    }
                }
            }
        }
        wal.write(batch);
        wal.force();
        if (pos > 0) {
            LOG.info("indexed {} existing events of {} streams in the new global log", pos, ids.size());
        }
        return pos;
    }
}
