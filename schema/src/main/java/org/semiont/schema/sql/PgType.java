package org.semiont.schema.sql;

/** The base PostgreSQL types the engine knows, with the SQL keyword Prisma renders for each. */
public enum PgType {
    TEXT("TEXT"), VARCHAR("VARCHAR"), CHAR("CHAR"), CITEXT("CITEXT"),
    SMALLINT("SMALLINT"), INTEGER("INTEGER"), BIGINT("BIGINT"), OID("OID"),
    REAL("REAL"), DOUBLE_PRECISION("DOUBLE PRECISION"), DECIMAL("DECIMAL"), MONEY("MONEY"),
    BOOLEAN("BOOLEAN"),
    TIMESTAMP("TIMESTAMP"), TIMESTAMPTZ("TIMESTAMPTZ"), DATE("DATE"), TIME("TIME"), TIMETZ("TIMETZ"),
    JSON("JSON"), JSONB("JSONB"), BYTEA("BYTEA"), UUID("UUID"), INET("INET"), XML("XML"),
    BIT("BIT"), VARBIT("VARBIT"),
    /** A user-defined enum; see {@link ColumnType#enumName()}. */
    ENUM(null),
    /** Anything else; see {@link ColumnType#unsupported()}. */
    UNSUPPORTED(null);

    private final String sql;

    PgType(String sql) {
        this.sql = sql;
    }

    /** The SQL keyword, e.g. "DOUBLE PRECISION"; null for ENUM and UNSUPPORTED. */
    public String sql() {
        return sql;
    }
}
