package org.semiont.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JdbcSchemaDatabaseTest {
    @Test
    void a_prisma_style_url_gives_database_namespace_and_a_display_name_without_password() {
        JdbcSchemaDatabase db = JdbcSchemaDatabase.fromUrl("postgresql://app:s%40cret@db.example:6543/shop?sslmode=require&schema=sales");

        assertThat(db.databaseName()).isEqualTo("shop");
        assertThat(db.defaultNamespace()).isEqualTo("sales");
        assertThat(db.displayName()).isEqualTo("db.example:6543/shop");
        assertThat(db.jdbcUrl("shop")).isEqualTo("jdbc:postgresql://db.example:6543/shop?sslmode=require");
    }

    @Test
    void a_jdbc_url_works_and_defaults_to_public() {
        JdbcSchemaDatabase db = JdbcSchemaDatabase.fromUrl("jdbc:postgresql://localhost/app?user=u&password=p");

        assertThat(db.defaultNamespace()).isEqualTo("public");
        assertThat(db.jdbcUrl("app")).isEqualTo("jdbc:postgresql://localhost:5432/app");
    }

    @Test
    void a_foreign_url_is_refused_with_an_example_and_without_echoing_it() {
        assertThatThrownBy(() -> JdbcSchemaDatabase.fromUrl("mysql://root:topsecret@host/db"))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("postgresql://")
                .hasMessageNotContaining("topsecret");
    }
}
