package io.crowdlens.privacy.noise;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The noise primitives are plain Java, so the pipeline, the query side and any tool can use them alike. */
@AnalyzeClasses(packages = "io.crowdlens.privacy.noise", importOptions = ImportOption.DoNotIncludeTests.class)
class NoiseArchitectureTest {

    @ArchTest
    static final ArchRule noiseDependsOnTheJdkAlone = classes()
            .that().resideInAPackage("io.crowdlens.privacy.noise")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..", "io.crowdlens.privacy.noise")
            .because("the noise primitives must not depend on Spring, jOOQ, Vaadin or other CrowdLens packages");
}
