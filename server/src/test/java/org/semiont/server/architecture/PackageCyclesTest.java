package org.semiont.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;
import org.semiont.server.web.ApiError;
import org.semiont.server.web.ApiException;

/**
 * No package of the server imports one that imports it back, directly or round a longer loop. A package is a
 * top-level package under {@code org.semiont.server} with its subpackages ({@code protocol.turtle} is part of
 * {@code protocol}); the root package (the composition root) is one too. Beside the cycles: the projection engine
 * and the web edge know no domain, HTTP-level errors ({@code web.ApiException}, {@code web.ApiError}) stay in the web
 * package, and the root package holds only the composition root.
 */
class PackageCyclesTest {
    private static final String ROOT = "org.semiont.server";
    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /** The top-level package a class belongs to; classes outside the server are left out. */
    private static final SliceAssignment TOP_LEVEL = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            String p = c.getPackageName();
            if (p.equals(ROOT)) {
                return SliceIdentifier.of("(root)");
            }
            if (!p.startsWith(ROOT + ".")) {
                return SliceIdentifier.ignore();
            }
            String rest = p.substring(ROOT.length() + 1);
            int dot = rest.indexOf('.');
            return SliceIdentifier.of(dot < 0 ? rest : rest.substring(0, dot));
        }

        @Override
        public String getDescription() {
            return "top-level packages of " + ROOT;
        }
    };

    @Test
    void the_projection_engine_knows_no_domain_and_no_web_layer() {
        noClasses().that().resideInAPackage(ROOT + ".projection..").should().dependOnClassesThat()
                .resideInAnyPackage(ROOT + ".document..", ROOT + ".annotation..", ROOT + ".user..", ROOT + ".entitytype..",
                        ROOT + ".auth..", ROOT + ".web..", ROOT + ".api..")
                .check(SERVER);
    }

    @Test
    void http_level_errors_stay_in_the_web_package() {
        noClasses().that().resideOutsideOfPackages(ROOT + ".web..", ROOT).should().dependOnClassesThat()
                .belongToAnyOf(ApiException.class, ApiError.class)
                .because("code below the web edge throws error.DomainException, which web.ErrorMapper maps to HTTP")
                .check(SERVER);
    }

    @Test
    void the_root_package_holds_only_the_composition_root() {
        classes().that().resideInAPackage(ROOT).and().areTopLevelClasses().and().doNotHaveSimpleName("package-info").should()
                .haveSimpleName("ServerApp").orShould().haveSimpleName("ServerExtension").check(SERVER);
    }

    @Test
    void the_web_package_knows_no_domain() {
        noClasses().that().resideInAPackage(ROOT + ".web..").should().dependOnClassesThat()
                .resideInAnyPackage(ROOT + ".document..", ROOT + ".annotation..", ROOT + ".user..", ROOT + ".entitytype..",
                        ROOT + ".auth..", ROOT + ".projection..", ROOT + ".write..", ROOT + ".api..", ROOT + ".sse..",
                        ROOT + ".protocol..", ROOT + ".openapi..", ROOT + ".metrics..", ROOT + ".health..")
                .check(SERVER);
    }

    @Test
    void server_packages_form_no_cycle() {
        slices().assignedFrom(TOP_LEVEL).should().beFreeOfCycles().check(SERVER);
    }
}
