package dev.contacts.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The Hibernate-style package policy (public API, spi and internal packages kept apart), enforced. */
class PackagePolicyTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.contacts");

    @Test
    void theSpiDoesNotDependOnInternals() {
        noClasses().that().resideInAPackage("dev.contacts.spi..")
                .should().dependOnClassesThat().resideInAPackage("..internal..").check(CORE);
    }

    @Test
    void theModelFilterAndQueryApiDoNotDependOnInternalsOtherThanIds() {
        noClasses().that().resideInAnyPackage("dev.contacts.filter..", "dev.contacts.query..")
                .should().dependOnClassesThat().resideInAPackage("..internal..").check(CORE);
    }

    @Test
    void theReferenceEvaluatorSharesNoQueryCodeWithStores() {
        noClasses().that().resideInAPackage("dev.contacts.reference..")
                .should().dependOnClassesThat().resideInAnyPackage("..internal..", "dev.contacts.spi..").check(CORE);
    }

    @Test
    void libraryCodeLogsThroughSlf4jOnly() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err").check(CORE);
    }
}
