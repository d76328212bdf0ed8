package com.crashanalytics.api.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;

/**
 * Keeps the hexagon's boundaries. Each rule runs on the gateway's production classes; each is also shown to fail
 * on fixtures that break it, and the packages the rules name are asserted to exist (a rule over an empty package
 * passes vacuously).
 */
class ArchitectureTest {

    private static final String ROOT = "com.crashanalytics";
    private static final String BROKEN_ROOT = "com.crashanalytics.archfixtures";

    /** The domain areas of DESIGN.md; extend when an area is added. */
    private static final List<String> DOMAIN_AREAS =
            List.of("common", "bot", "session", "round", "diagnostics", "analytics", "access", "audit");

    /** The rooms of the gateway's security (authentication, access, limits). */
    private static final List<String> SECURITY_ROOMS = List.of("authentication", "access", "limits");

    private static final JavaClasses GATEWAY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    private static final JavaClasses BROKEN = new ClassFileImporter().importPackages(BROKEN_ROOT);

    @Test
    void thePackagesTheRulesNameExist() {
        assertThat(packagesOf(GATEWAY)).contains(ROOT + ".api", ROOT + ".persistence.config");
        for (String room : SECURITY_ROOMS) {
            assertThat(packagesOf(GATEWAY)).as("security room " + room).contains(ROOT + ".api.security." + room);
        }
        for (String area : DOMAIN_AREAS) {
            assertThat(packagesOf(GATEWAY)).as("domain area " + area).contains(ROOT + ".domain." + area);
        }
        // the controller rule needs controllers, and ports on both sides of its line
        assertThat(GATEWAY.stream().filter(type -> type.isAnnotatedWith(Controller.class))).hasSizeGreaterThan(20);
        assertThat(GATEWAY.stream().filter(BoundaryRules.writeSidePorts(ROOT))).extracting(JavaClass::getSimpleName)
                .contains("BotRegistry", "SessionLog", "RoundLogbook")
                .doesNotContain("RoundReadModel", "LogRoundUseCase");
    }

    @Test
    void theDomainIsPlainJava() {
        BoundaryRules.domainIsPlainJava(ROOT).check(GATEWAY);
        BoundaryRules.domainUsesNoFramework(ROOT).check(GATEWAY);
    }

    @Test
    void graphQlDoesNotTouchPersistence() {
        BoundaryRules.apiDoesNotTouchPersistence(ROOT).check(GATEWAY);
    }

    @Test
    void persistenceDoesNotTouchGraphQl() {
        BoundaryRules.persistenceDoesNotTouchApi(ROOT).check(GATEWAY);
    }

    @Test
    void controllersGoThroughUseCasesAndReadModelsOnly() {
        BoundaryRules.controllersUseOnlyUseCasesAndReadModels(ROOT).check(GATEWAY);
    }

    @Test
    void domainAreasHaveNoCycles() {
        BoundaryRules.domainAreasAreFreeOfCycles(ROOT).check(GATEWAY);
    }

    @Test
    void securityRoomsHaveNoCycles() {
        BoundaryRules.securityRoomsAreFreeOfCycles(ROOT).check(GATEWAY);
    }

    @Test
    void everyRuleFailsOnCodeThatBreaksIt() {
        for (ArchRule rule : List.of(
                BoundaryRules.domainIsPlainJava(BROKEN_ROOT),
                BoundaryRules.domainUsesNoFramework(BROKEN_ROOT),
                BoundaryRules.apiDoesNotTouchPersistence(BROKEN_ROOT),
                BoundaryRules.persistenceDoesNotTouchApi(BROKEN_ROOT),
                BoundaryRules.controllersUseOnlyUseCasesAndReadModels(BROKEN_ROOT),
                BoundaryRules.domainAreasAreFreeOfCycles(BROKEN_ROOT),
                BoundaryRules.securityRoomsAreFreeOfCycles(BROKEN_ROOT))) {
            assertThatThrownBy(() -> rule.check(BROKEN)).as(rule.getDescription()).isInstanceOf(AssertionError.class);
        }
    }

    private static List<String> packagesOf(JavaClasses classes) {
        return classes.stream().map(c -> c.getPackageName()).distinct().toList();
    }
}
