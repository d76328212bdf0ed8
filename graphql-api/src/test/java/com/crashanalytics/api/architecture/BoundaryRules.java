package com.crashanalytics.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.stereotype.Controller;

/**
 * The hexagon's boundaries as ArchUnit rules over a root package: {@code root.domain}, {@code root.api},
 * {@code root.persistence}. Parameterised by root so the same rules can be shown to fail on bad fixtures.
 */
final class BoundaryRules {

    private BoundaryRules() {
    }

    /** The domain is plain Java: the JDK, nullness annotations, and itself. No Spring, JDBC, Jackson or GraphQL. */
    static ArchRule domainIsPlainJava(String root) {
        return classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "org.jspecify.annotations..", root + ".domain..")
                .because("the domain knows nothing of Spring, SQL, JSON or GraphQL");
    }

    /** Named explicitly too, so a failure says which framework leaked in. */
    static ArchRule domainUsesNoFramework(String root) {
        return noClasses().that().resideInAPackage(root + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "java.sql..", "javax.sql..", "com.fasterxml.jackson..",
                        "tools.jackson..", "graphql..", "liquibase..", "org.postgresql..");
    }

    static ArchRule apiDoesNotTouchPersistence(String root) {
        return noClasses().that().resideInAPackage(root + ".api..")
                .should().dependOnClassesThat().resideInAPackage(root + ".persistence..")
                .because("GraphQL reaches the database only through the domain's ports");
    }

    static ArchRule persistenceDoesNotTouchApi(String root) {
        return noClasses().that().resideInAPackage(root + ".persistence..")
                .should().dependOnClassesThat().resideInAPackage(root + ".api..")
                .because("adapters do not know each other");
    }

    /**
     * One door per side (see the domain's package-info): a controller calls inbound ports ({@code …UseCase}) and read
     * models ({@code …ReadModel}), never the outbound ports use cases write through (registries, logs, logbooks).
     */
    static ArchRule controllersUseOnlyUseCasesAndReadModels(String root) {
        return noClasses().that().areAnnotatedWith(Controller.class)
                .should().dependOnClassesThat(writeSidePorts(root))
                .because("controllers bind arguments, call a use case or a read model, and map the answer");
    }

    /** Interfaces of the domain that are neither an inbound port nor a read model: the use cases' outbound ports. */
    static DescribedPredicate<JavaClass> writeSidePorts(String root) {
        return DescribedPredicate.describe("domain interfaces other than …UseCase and …ReadModel", type ->
                type.isInterface() && type.getPackageName().startsWith(root + ".domain")
                        && !type.getSimpleName().endsWith("UseCase") && !type.getSimpleName().endsWith("ReadModel"));
    }

    static ArchRule domainAreasAreFreeOfCycles(String root) {
        return slices().matching(root + ".domain.(*)..")
                .should().beFreeOfCycles()
                .because("domain areas depend on each other in one direction only");
    }

    /**
     * The rooms of {@code api.security}: access and limits ask authentication who is calling, and authentication
     * asks neither, so each can be read (and changed) without the others.
     */
    static ArchRule securityRoomsAreFreeOfCycles(String root) {
        return slices().matching(root + ".api.security.(*)..")
                .should().beFreeOfCycles()
                .because("authentication, access and limits depend on each other in one direction only");
    }
}
