package org.semiont.studio.browse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.semiont.schema.describe.SchemaDescriber;
import org.semiont.schema.sql.SqlSchema;
import org.semiont.schema.sql.Table;
import org.semiont.studio.StudioError;
import org.semiont.studio.StudioException;

/**
 * The models of the live database, described from pg_catalog (so a team's own models appear as soon as they exist),
 * re-read at most every {@link #TTL_NANOS}, with row counts.
 */
public final class Catalog {
    /** Below this estimate rows are counted exactly; above, PostgreSQL's estimate is shown (a count of 1M rows costs ~100 ms). */
    public static final long EXACT_COUNT_BELOW = 200_000;
    static final long TTL_NANOS = 2_000_000_000L;
    /** Rows written only from the event log (a direct edit would be overwritten by the next rebuild). */
    public static final Set<String> EVENT_SOURCED = Set.of("users", "documents", "annotations", "entity_types");
    private final DataSource pool;
    private final Set<String> bundledTables;
    private volatile SqlSchema cached;
    private volatile long readAt;

    /** @param bundledTables the tables of the application's bundled schema (everything else is the team's own) */
    public Catalog(DataSource pool, Set<String> bundledTables) {
        this.pool = pool;
        this.bundledTables = Set.copyOf(bundledTables);
    }

    public SqlSchema schema() {
        SqlSchema s = cached;
        if (s == null || System.nanoTime() - readAt > TTL_NANOS) {
            s = describe();
            cached = s;
            readAt = System.nanoTime();
        }
        return s;
    }

    public Table table(String name) {
        return find(name).orElseThrow(() -> new StudioException(StudioError.UNKNOWN_MODEL, "There is no model \"" + name
                + "\" in the live schema"));
    }

    public Optional<Table> find(String name) {
        return schema().tables().stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public ModelSummary.Kind kind(String table) {
        return EVENT_SOURCED.contains(table) ? ModelSummary.Kind.EVENT_SOURCED
                : bundledTables.contains(table) ? ModelSummary.Kind.SERVER_MANAGED : ModelSummary.Kind.OWN;
    }

    public List<ModelSummary> models() {
        SqlSchema s = schema();
        try (Connection c = pool.getConnection()) {
            c.setReadOnly(true);
            Map<String, Long> estimates = estimates(c);
            List<ModelSummary> out = new ArrayList<>();
            for (Table t : s.tables()) {
                long estimate = estimates.getOrDefault(t.name(), -1L);
                boolean exact = estimate < EXACT_COUNT_BELOW;
                long rows = exact ? count(c, t) : estimate;
                out.add(new ModelSummary(t.name(), t.columns().size(), rows, !exact, kind(t.name())));
            }
            return out;
        } catch (SQLException e) {
            throw new StudioException(StudioError.QUERY_FAILED, "Cannot count the models' rows: " + e.getMessage(), e);
        }
    }

    private static Map<String, Long> estimates(Connection c) throws SQLException {
        Map<String, Long> m = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT c.relname, c.reltuples::bigint FROM pg_class c "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                m.put(rs.getString(1), rs.getLong(2));
            }
        }
        return m;
    }

    private static long count(Connection c, Table t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + t.qualifiedName()); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private SqlSchema describe() {
        try (Connection c = pool.getConnection()) {
            c.setReadOnly(true);
            String namespace;
            try (PreparedStatement ps = c.prepareStatement("SELECT current_schema()"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                namespace = rs.getString(1);
            }
            return new SchemaDescriber().describe(c, List.of(namespace)).schema();
        } catch (SQLException e) {
            throw new StudioException(StudioError.QUERY_FAILED, "Cannot read the live schema: " + e.getMessage(), e);
        }
    }
}
