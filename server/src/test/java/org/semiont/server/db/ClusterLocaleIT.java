package org.semiont.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.server.datadir.DataDirLayout;

/** A new embedded cluster's locale comes from the list it is given, never from the environment. */
class ClusterLocaleIT {
    @TempDir
    Path dataDir;

    @Test
    void a_character_classes_locale_the_machine_lacks_falls_back_to_the_next() throws Exception {
        DataDirLayout layout = new DataDirLayout(dataDir);
        EmbeddedPostgresServer.initialize(layout, List.of("xx_YY.UTF-8", "C"));
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(layout);
             Connection c = DriverManager.getConnection(pg.target().jdbcUrl(), pg.target().jdbcProperties());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT datcollate, datctype FROM pg_database WHERE datname = current_database()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("C");
            assertThat(rs.getString(2)).isEqualTo("C");
        }
        assertThat(layout.root().resolve("postgres.initdb")).as("no scratch cluster left behind").doesNotExist();
    }

    @Test
    void when_no_locale_works_the_error_names_them_and_no_cluster_is_left() {
        DataDirLayout layout = new DataDirLayout(dataDir);
        assertThatThrownBy(() -> EmbeddedPostgresServer.initialize(layout, List.of("xx_YY.UTF-8", "zz_ZZ")))
                .isInstanceOf(IOException.class).hasMessageContaining("[xx_YY.UTF-8, zz_ZZ]");
        assertThat(ClusterFiles.isInitialized(layout.postgres())).isFalse();
        assertThat(layout.root().resolve("postgres.initdb")).doesNotExist();
    }
}
