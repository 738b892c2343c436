package io.verbatim.analysis;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The packages of the service depend on each other in one direction only (the flow in the README), whichever
 * packages it holds. A plain test rather than ArchUnit's JUnit engine, which the JUnit 6 platform of Quarkus'
 * tests does not run.
 */
class PackageCycleTest {

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("io.verbatim.analysis.(*)..").should().beFreeOfCycles()
                .check(new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                        .importPackages("io.verbatim.analysis"));
    }
}
