package io.verbatim.engine;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The engine's packages follow its stages in one direction (syntax → entities → coreference → quotes → attribution,
 * each language's package beside them), and the rules reach a language only through its data: no stage imports a
 * language's package.
 */
class StagePackagesTest {

    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests()).importPackages("io.verbatim.engine");

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("io.verbatim.engine.(*)..").should().beFreeOfCycles().check(ENGINE);
    }

    @Test
    void stagesKnowNoLanguageButThroughItsData() {
        noClasses().that().resideInAnyPackage("io.verbatim.engine.syntax..", "io.verbatim.engine.entities..",
                        "io.verbatim.engine.coreference..", "io.verbatim.engine.quotes..", "io.verbatim.engine.attribution..")
                .should().dependOnClassesThat().resideInAnyPackage("io.verbatim.engine.lang.fr..", "io.verbatim.engine.lang.en..")
                .check(ENGINE);
    }
}
