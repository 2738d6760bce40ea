package org.semiont.cli.backup;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import org.semiont.ops.archive.ArchiveReach;
import org.semiont.ops.archive.ArchiveSegment;
import org.semiont.ops.backup.BackupVerifier;
import org.semiont.ops.backup.Manifest;

/** The JSON shapes the backup verbs print. */
final class BackupJson {
    private BackupJson() {
    }

    static ObjectNode summary(Manifest m) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("id", m.id()).put("type", m.type().name().toLowerCase(java.util.Locale.ROOT)).put("parent", m.parent())
                .put("startedAt", m.startedAt().toString()).put("finishedAt", m.finishedAt().toString())
                .put("bytes", m.ownBytes()).put("contentBytes", m.contentBytes()).put("contentFiles", m.content().size())
                .put("firstPosition", m.log().firstPosition()).put("lastPosition", m.log().lastPosition())
                .put("streams", m.streams().size()).put("secrets", !m.secrets().isEmpty()).put("logId", m.logId())
                .put("toolVersion", m.toolVersion());
        n.put("snapshotPosition", m.projectionSnapshot() == null ? null : m.projectionSnapshot().position());
        ObjectNode range = n.putObject("restores");
        range.put("fromPosition", 0).put("toPosition", m.log().lastPosition())
                .put("toTime", m.log().lastTime() == null ? null : m.log().lastTime().toString());
        return n;
    }

    /** {@link #summary} with what {@code backup list} adds: when last verified clean, and the archive's reach. */
    static ObjectNode listed(Manifest m, Optional<Instant> verifiedAt, Optional<ArchiveReach> reach) {
        ObjectNode n = summary(m);
        n.put("verifiedAt", verifiedAt.map(Instant::toString).orElse(null));
        if (reach.isPresent() && reach.get().backupId().equals(m.id())) {
            ArchiveReach r = reach.get();
            n.putObject("archive").put("segments", r.segments().size()).put("firstPosition", r.firstPosition())
                    .put("lastPosition", r.lastPosition()).put("firstTime", String.valueOf(r.firstTime()))
                    .put("lastTime", String.valueOf(r.lastTime())).put("bytes", r.bytes());
            ((ObjectNode) n.get("restores")).put("withArchiveToPosition", r.lastPosition())
                    .put("withArchiveToTime", String.valueOf(r.lastTime()));
        } else {
            n.putNull("archive");
        }
        return n;
    }

    /** One archived segment; {@code continues} names the backup whose restore reads it (null: none does). */
    static ObjectNode segment(ArchiveSegment s, Optional<ArchiveReach> reach) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("id", BackupVerifier.segmentId(s)).put("logId", s.logId()).put("firstPosition", s.first()).put("lastPosition", s.last())
                .put("firstTime", String.valueOf(s.firstTime())).put("lastTime", String.valueOf(s.lastTime()))
                .put("shippedAt", String.valueOf(s.shippedAt())).put("bytes", s.bytes()).put("chunks", s.chunks().size())
                .put("contentFiles", s.content().size())
                .put("continues", reach.filter(r -> r.segments().contains(s)).map(ArchiveReach::backupId).orElse(null));
        return n;
    }
}
