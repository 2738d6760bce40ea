package org.semiont.ops.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.semiont.ops.target.BackupTarget;

/**
 * When each backup was last verified clean: {@code backups/<id>/verified.json} ({@code {"backup", "verifiedAt"}}), written
 * atomically next to the manifest by {@code backup verify}. It is not part of the backup (the manifest does not list
 * it) and goes with the backup's folder when it is pruned.
 */
public final class Verifications {
    static final String FILE = "verified.json";

    private Verifications() {
    }

    static String key(String id) {
        return Layout.backupDir(id) + FILE;
    }

    /**
     * Records {@code at} for every backup the outcome verified whose restore is clean: no defect names it or a backup
     * of its chain. A backup pruned meanwhile is skipped. Returns the ids recorded.
     */
    public static List<String> record(BackupTarget target, BackupCatalog catalog, VerifyOutcome v, Instant at) throws IOException {
        List<String> recorded = new ArrayList<>();
        for (String id : v.verified()) {
            Optional<Manifest> m = catalog.find(id);
            if (m.isEmpty() || !catalog.chain(m.get()).stream().allMatch(b -> v.clean(b.id())) || !target.exists(Manifest.key(id))) {
                continue;
            }
            ObjectNode n = ManifestJson.mapper().createObjectNode().put("backup", id).put("verifiedAt", at.toString());
            target.putAtomically(key(id), ManifestJson.mapper().writeValueAsBytes(n));
            recorded.add(id);
        }
        return recorded;
    }

    /** When backup {@code id} was last verified clean; empty when never (or the record cannot be read). */
    public static Optional<Instant> lastClean(BackupTarget target, String id) {
        try (InputStream in = target.open(key(id))) {
            JsonNode n = ManifestJson.mapper().readTree(in.readAllBytes());
            return Optional.of(Instant.parse(n.path("verifiedAt").asText()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // never verified (no such file), or a record that cannot be read: not verified
        }
    }
}
