package org.semiont.studio.browse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.semiont.studio.StudioError;
import org.semiont.studio.StudioException;

/**
 * Every studio statement runs in a transaction of its own with a statement timeout; reads in READ ONLY ones, and so
 * do writes when the studio runs read-only, so PostgreSQL itself refuses them whatever a page sent.
 */
public final class Transactions {
    static final String STATEMENT_TIMEOUT = "15s";
    private final DataSource pool;
    private final boolean readOnly;

    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    public Transactions(DataSource pool, boolean readOnly) {
        this.pool = pool;
        this.readOnly = readOnly;
    }

    public boolean readOnly() {
        return readOnly;
    }

    public <T> T read(Work<T> work) {
        return inTransaction(true, work);
    }

    /** A write; in read-only mode it still runs, in a READ ONLY transaction, and PostgreSQL refuses it. */
    public <T> T write(Work<T> work) {
        return inTransaction(readOnly, work);
    }

    private <T> T inTransaction(boolean readOnlyTx, Work<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute((readOnlyTx ? "SET TRANSACTION READ ONLY" : "SET TRANSACTION READ WRITE")
                        + "; SET LOCAL statement_timeout = '" + STATEMENT_TIMEOUT + "'");
            }
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            if ("25006".equals(e.getSQLState())) {
                throw new StudioException(StudioError.READ_ONLY, "The studio runs read-only: PostgreSQL refused the write ("
                        + e.getMessage() + ")", e);
            }
            throw new StudioException(StudioError.QUERY_FAILED, "PostgreSQL refused the statement: " + e.getMessage(), e);
        }
    }

    public static PreparedStatement prepare(Connection c, SqlText q) throws SQLException {
        PreparedStatement ps = c.prepareStatement(q.sql());
        List<String> params = q.params();
        for (int i = 0; i < params.size(); i++) {
            ps.setString(i + 1, params.get(i));
        }
        return ps;
    }
}
