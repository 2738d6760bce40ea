package org.semiont.schema;

import static org.semiont.schema.testing.Schemas.*;

import java.util.List;
import org.semiont.schema.sql.Column;
import org.semiont.schema.sql.ColumnDefault;
import org.semiont.schema.sql.ColumnType;
import org.semiont.schema.sql.ForeignKey;
import org.semiont.schema.sql.Index;
import org.semiont.schema.sql.PgType;
import org.semiont.schema.sql.PrimaryKey;
import org.semiont.schema.sql.SqlSchema;
import org.semiont.schema.sql.Table;

/** A hand-built schema using most of the normal form: every default kind, native types, enums, m2m. */
final class RichSchemas {
    private RichSchemas() {
    }

    static SqlSchema blog() {
        Table user = table("User", List.of(
                        serialId("User", "id"),
                        text("email"),
                        optional("name", PgType.VARCHAR, 100),
                        new Column("role", ColumnType.enumOf("Role"), false, new ColumnDefault.EnumValue("USER"), false),
                        new Column("roles", ColumnType.enumOf("Role").asArray(), true, null, false),
                        withDefault(required("createdAt", PgType.TIMESTAMP, 3), new ColumnDefault.Now()),
                        required("updatedAt", PgType.TIMESTAMP, 3),
                        withDefault(required("score", PgType.DOUBLE_PRECISION), new ColumnDefault.NumberValue("1.5")),
                        withDefault(required("balance", PgType.DECIMAL, 65, 30), new ColumnDefault.NumberValue("0")),
                        withDefault(required("active", PgType.BOOLEAN), new ColumnDefault.BooleanValue(true)),
                        withDefault(required("nick", PgType.TEXT), new ColumnDefault.StringValue("it's me")),
                        new Column("tags", ColumnType.of(PgType.TEXT).asArray(), true, new ColumnDefault.ListValue("{}"), false),
                        optional("meta", PgType.JSONB),
                        optional("avatar", PgType.BYTEA),
                        optional("born", PgType.DATE),
                        optional("seen", PgType.TIMESTAMPTZ, 6),
                        optional("code", PgType.CHAR, 1),
                        optional("bigNumber", PgType.BIGINT),
                        optional("small", PgType.SMALLINT),
                        withDefault(optional("uuid", PgType.UUID), new ColumnDefault.Expression("gen_random_uuid()")),
                        new Column("weird", new ColumnType(PgType.UNSUPPORTED, List.of(), null, false, "interval"), true, null, false)),
                List.of("id"), List.of(unique("User", "email"),
                        new Index("User_createdAt_idx", List.of(new Index.IndexColumn("createdAt", Index.SortOrder.DESC)), false, "btree")),
                List.of());
        Table post = table("Post", List.of(serialId("Post", "id"), text("title"), optional("authorId", PgType.INTEGER),
                        serial("Post", "views", PgType.BIGINT)),
                List.of("id"), List.of(index("Post", "authorId", "title")),
                List.of(fk("Post", "authorId", "User", "id", true)));
        Table tag = table("Tag", text("name"));
        Table membership = table("Membership", List.of(required("userId", PgType.INTEGER), required("groupId", PgType.INTEGER),
                        optional("note", PgType.VARCHAR)),
                List.of("userId", "groupId"), List.of(), List.of(fk("Membership", "userId", "User", "id", false)));
        Table join = new Table("public", "_PostToTag", List.of(required("A", PgType.INTEGER), text("B")),
                new PrimaryKey("_PostToTag_AB_pkey", List.of("A", "B")),
                List.of(new Index("_PostToTag_B_index", List.of(new Index.IndexColumn("B", null)), false, "btree")),
                List.of(new ForeignKey("_PostToTag_A_fkey", List.of("A"), "public", "Post", List.of("id"),
                                ForeignKey.ReferentialAction.CASCADE, ForeignKey.ReferentialAction.CASCADE),
                        new ForeignKey("_PostToTag_B_fkey", List.of("B"), "public", "Tag", List.of("name"),
                                ForeignKey.ReferentialAction.CASCADE, ForeignKey.ReferentialAction.CASCADE)));
        return schema(List.of(user, post, tag, membership, join), enumType("Role", "USER", "ADMIN"));
    }
}
