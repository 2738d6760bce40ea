package org.semiont.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.semiont.server.annotation.AnnotationProjection;
import org.semiont.server.annotation.AnnotationRepository;
import org.semiont.server.document.DocumentFiles;
import org.semiont.server.document.DocumentProjection;
import org.semiont.server.document.DocumentRepository;
import org.semiont.server.entitytype.EntityTypeProjection;
import org.semiont.server.projection.ProjectedTable;
import org.semiont.server.projection.Projection;
import org.semiont.server.user.UserDirectory;
import org.semiont.server.user.UserProjection;

/** The projections of the knowledge base, in the order they apply each event (users first). */
public record StandardProjections(List<Projection> projections, UserDirectory users, DocumentRepository documents,
                                  AnnotationRepository annotations, DocumentFiles files, EntityTypeProjection entityTypes) {
    /** The tables a rebuild empties and refills: nothing else may hold a foreign key to them. */
    public static Set<String> rebuiltTables() {
        return Stream.of(UserProjection.TABLES, DocumentProjection.TABLES, AnnotationProjection.TABLES, EntityTypeProjection.TABLES)
                .flatMap(List::stream).map(ProjectedTable::name).collect(Collectors.toUnmodifiableSet());
    }

    public static StandardProjections create(DataSource pool, Path dataDir, ObjectMapper json) {
        UserDirectory users = new UserDirectory(pool);
        DocumentRepository documents = new DocumentRepository(pool, users::displayName);
        AnnotationRepository annotations = new AnnotationRepository(pool);
        DocumentFiles files = new DocumentFiles(dataDir, pool, documents, annotations, json);
        EntityTypeProjection entityTypes = new EntityTypeProjection(dataDir, pool, json);
        List<Projection> list = List.of(new UserProjection(users), new DocumentProjection(files),
                new AnnotationProjection(json, annotations), entityTypes);
        return new StandardProjections(list, users, documents, annotations, files, entityTypes);
    }
}
