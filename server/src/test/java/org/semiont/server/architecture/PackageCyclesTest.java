package org.semiont.server.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** No package of the server imports one that imports it back, directly or round a longer loop. */
class PackageCyclesTest {
    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.semiont.server");

    @Test
    void server_packages_form_no_cycle() {
        slices().matching("org.semiont.server.(**)").should().beFreeOfCycles().check(SERVER);
    }
}
