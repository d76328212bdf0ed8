package com.crashanalytics.simulator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The simulation knows nothing of the gateway: mapping its records to mutations, and any change of the GraphQL
 * inputs, stays in {@code gateway} (and {@code cli}).
 */
class SimulatorArchitectureTest {

    private static final String ROOT = "com.crashanalytics.simulator";
    private static final List<String> SIMULATION = List.of(ROOT + ".crash", ROOT + ".strategy", ROOT + ".play");

    private static final JavaClasses SIMULATOR = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void thePackagesTheRulesNameExist() {
        List<String> packages = SIMULATOR.stream().map(JavaClass::getPackageName).distinct().toList();
        assertThat(packages).containsAll(SIMULATION).contains(ROOT + ".gateway", ROOT + ".cli", ROOT + ".history");
    }

    @Test
    void theSimulationDoesNotDependOnTheGatewayOrOnHttpAndJson() {
        noClasses().that().resideInAnyPackage(ROOT, ROOT + ".crash..", ROOT + ".strategy..", ROOT + ".play..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        ROOT + ".gateway..", ROOT + ".cli..", "tools.jackson..", "java.net.http..", "java.sql..",
                        "org.postgresql..", ROOT + ".history..")
                .check(SIMULATOR);
    }

    /** The history is written straight into the tables: the simulation plays it, and it knows no GraphQL client. */
    @Test
    void theHistoryWriterDoesNotDependOnTheGatewayClient() {
        noClasses().that().resideInAPackage(ROOT + ".history..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".gateway..", ROOT + ".cli..")
                .check(SIMULATOR);
    }

    @Test
    void theGatewayClientDoesNotDependOnTheCommandLine() {
        noClasses().that().resideInAPackage(ROOT + ".gateway..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".cli..")
                .check(SIMULATOR);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(SIMULATOR);
    }
}
