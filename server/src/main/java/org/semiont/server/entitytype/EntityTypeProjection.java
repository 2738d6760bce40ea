package org.semiont.server.entitytype;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.semiont.server.datadir.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.semiont.events.StoredEvent;
import org.semiont.server.projection.BulkContext;
import org.semiont.server.projection.BulkFolder;
import org.semiont.server.projection.ProjectedTable;
import org.semiont.server.projection.Projection;
import org.semiont.server.util.Sql;

/**
 * Projects {@code entitytype.added} (system stream) into {@code entity_types}, and after each change rewrites
 * the original's {@code <data-dir>/projections/entity-types/entity-types.json} atomically.
 */
public final class EntityTypeProjection implements Projection {
    /** The tables this projection fills, with their keys. */
    public static final List<ProjectedTable> TABLES = List.of(new ProjectedTable("entity_types", "name"));
    public static final String ADDED = EntityTypeFold.ADDED;
    private static final Logger log = LoggerFactory.getLogger(EntityTypeProjection.class);
    private final Path file;
    private final DataSource pool;
    private final ObjectMapper json;
    private boolean changed;

    public EntityTypeProjection(Path dataDir, DataSource pool, ObjectMapper json) {
        this.file = dataDir.resolve("projections").resolve("entity-types").resolve("entity-types.json");
        this.pool = pool;
        this.json = json;
    }

    @Override
    public boolean handles(String type) {
        return ADDED.equals(type);
    }

    /**
     * {@link EntityTypeFold} onto no row, inserted with {@code ON CONFLICT DO NOTHING}: the fold's "the first add
     * wins" without reading first.
     */
    @Override
    public void apply(Connection c, StoredEvent e, ObjectNode event) throws SQLException {
        EntityTypeRow row = EntityTypeFold.apply(null, e, event.path("payload"), Sql.utc(e.instant()));
        if (row != null) {
            Sql.update(c, "INSERT INTO entity_types (name, created) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                    row.name(), row.created());
        }
        changed = true;
    }

    @Override
    public List<ProjectedTable> tables() {
        return TABLES;
    }

    @Override
    public BulkFolder bulk(BulkContext context) {
        return new EntityTypeBulk();
    }

    @Override
    public void afterCommit(List<StoredEvent> batch) {
        if (!changed) {
            return;
        }
        changed = false;
        try {
            Optional<byte[]> bytes = render();
            if (bytes.isPresent()) {
                AtomicFiles.write(file, bytes.get());
            }
        } catch (SQLException | IOException e) {
            log.warn("Could not write {}: {}", file, e.getMessage());
        }
    }

    /** Writes the file from the rows now (projections put back from a snapshot hold rows but no files). */
    public void writeFile() {
        changed = true;
        afterCommit(List.of());
    }

    /** The file's bytes as the rows make them; empty when there are no entity types (no file is written then). */
    private Optional<byte[]> render() throws SQLException, IOException {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM entity_types ORDER BY name")) {
            ObjectNode out = json.createObjectNode();
            ArrayNode names = out.putArray("entityTypes");
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names.isEmpty() ? Optional.empty() : Optional.of(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(out));
        }
    }

    /** The file, and what is wrong with it ("missing", "differs from the rows"), when it is not what the rows make. */
    public Optional<Map.Entry<Path, String>> fileDrift() throws SQLException, IOException {
        Optional<byte[]> want = render();
        if (want.isEmpty()) {
            return Optional.empty();
        }
        if (!Files.exists(file)) {
            return Optional.of(Map.entry(file, "missing"));
        }
        return Arrays.equals(want.get(), Files.readAllBytes(file)) ? Optional.empty() : Optional.of(Map.entry(file, "differs from the rows"));
    }

    @Override
    public void afterRollback() {
        changed = false;
    }

    @Override
    public void truncate(Connection c) throws SQLException {
        Sql.update(c, "DELETE FROM entity_types");
    }
}
