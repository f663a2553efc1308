package org.jcu;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The package walls of STYLE.md ("package by feature; the package is the wall") checked on the compiled main
 * classes: {@code stix} is the vocabulary everyone may use and that uses no one; {@code sharing} decides visibility
 * and knows no consumer; {@code intel} owns storage; {@code taxii} and {@code cli} sit on top.
 */
@AnalyzeClasses(packages = "org.jcu", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule stixDependsOnNoOtherJcuPackage = classes()
            .that()
            .resideInAPackage("org.jcu.stix..")
            .should()
            .onlyDependOnClassesThat(resideOutsideOfPackage("org.jcu..").or(resideInAPackage("org.jcu.stix..")))
            .because("org.jcu.stix is the STIX vocabulary every feature builds on");

    @ArchTest
    static final ArchRule sharingDoesNotDependOnItsConsumers = noClasses()
            .that()
            .resideInAPackage("org.jcu.sharing..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.jcu.intel..", "org.jcu.taxii..", "org.jcu.cli..")
            .because("sharing decides visibility for every feature and must not know them");

    @ArchTest
    static final ArchRule intelDoesNotDependOnTaxiiOrCli = noClasses()
            .that()
            .resideInAPackage("org.jcu.intel..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.jcu.taxii..", "org.jcu.cli..");

    @ArchTest
    static final ArchRule platformImportsNoFeature = noClasses()
            .that()
            .resideInAPackage("org.jcu.platform..")
            .should()
            .dependOnClassesThat(resideInAPackage("org.jcu..").and(not(resideInAPackage("org.jcu.platform.."))))
            .because("STYLE.md: platform imports no feature");

    @ArchTest
    static final ArchRule auditDependsOnNoOtherFeature = noClasses()
            .that()
            .resideInAPackage("org.jcu.audit..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.jcu.intel..", "org.jcu.sharing..", "org.jcu.taxii..", "org.jcu.cli..")
            .because("every feature, sharing included, records to the audit log");

    @ArchTest
    static final ArchRule nothingDependsOnTheCommandLine = noClasses()
            .that()
            .resideOutsideOfPackage("org.jcu.cli..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.jcu.cli..");

    @ArchTest
    static final ArchRule onlyIntelUsesIntelStore = noClasses()
            .that()
            .resideOutsideOfPackage("org.jcu.intel")
            .should()
            .dependOnClassesThat()
            .haveNameMatching("org\\.jcu\\.intel\\.IntelStore(\\$.*)?")
            .because("a feature calls another feature's service, never its repository");

    @ArchTest
    static final ArchRule controllersUseNoJdbc = noClasses()
            .that()
            .areAnnotatedWith(RestController.class)
            .or()
            .areMetaAnnotatedWith(Controller.class)
            .or()
            .areAnnotatedWith(RestControllerAdvice.class)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.springframework.jdbc..")
            .because("STYLE.md: thin handlers, no SQL in a controller");

    @ArchTest
    static final ArchRule onlyTheCliUsesPicocli = noClasses()
            .that()
            .resideOutsideOfPackage("org.jcu.cli..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("picocli..");

    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles =
            slices().matching("org.jcu.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule stixIsFreeOfSpring = noClasses()
            .that()
            .resideInAPackage("org.jcu.stix..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "jakarta.servlet..")
            .because("the STIX parser, validator and upgrader are plain Java, usable without a context");
}
