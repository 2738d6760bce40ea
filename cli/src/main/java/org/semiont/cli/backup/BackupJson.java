package org.semiont.cli.backup;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
}
