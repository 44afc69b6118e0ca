package io.crowdlens;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.crowdlens.api.ReadsCatalogue;
import io.crowdlens.api.ReadsDataset;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.RestController;

/** The architecture rules of STYLE.md, checked on every build. */
@AnalyzeClasses(packages = "io.crowdlens", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule vaadinOnlyInUiPackages = noClasses()
            .that().resideOutsideOfPackage("..ui..")
            .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
            .because("views are a thin layer over application services; everything else stays UI-free");

    @ArchTest
    static final ArchRule viewsNeverTouchTheDatabase = noClasses()
            .that().resideInAPackage("..ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "io.crowdlens.db..")
            .because("views call secured application services, never jOOQ (DESIGN.md: one query choke point)");

    @ArchTest
    static final ArchRule apiControllersGoThroughTheQueryServices = noClasses()
            .that().resideInAPackage("io.crowdlens.api..")
            .and().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "io.crowdlens.db..")
            .because("the API answers through the same secured services as the portal (licence scope, k, audit)");

    @ArchTest
    static final ArchRule everyApiEndpointSaysWhatItReads = classes()
            .that().resideInAPackage("io.crowdlens.api..")
            .and().areAnnotatedWith(RestController.class)
            .should().beAnnotatedWith(ReadsDataset.class).orShould().beAnnotatedWith(ReadsCatalogue.class)
            .because("a token reads only the datasets it was created for (TokenScopeInterceptor refuses the rest)");

    /** The tables of published figures, and their records. */
    private static final Set<String> PUBLISHED_FIGURE_TABLES = Set.of("PresenceHourly", "PresenceDaily",
            "PresenceDayHours", "VisitsHourly", "VisitsDaily", "VisitsDwell", "VisitsLoyalty", "VisitsCatchment",
            "CommutingOd", "CommutingDeparture", "CorridorPass");

    private static final DescribedPredicate<JavaClass> PUBLISHED_FIGURES = new DescribedPredicate<>(
            "tables of published figures") {
        @Override
        public boolean test(JavaClass table) {
            String name = table.getSimpleName().replaceFirst("Record$", "");
            return table.getPackageName().startsWith("io.crowdlens.db.tables") && PUBLISHED_FIGURE_TABLES.contains(name);
        }
    };

    /**
     * Issue 13: partner figures are read only by the figure gate's readers, so no service, view or
     * endpoint can answer from the tables without the partner's k, noise margins and audit. The pipeline
     * writes them, and PresenceDayHours derives the map's day rows from the hourly ones when publishing.
     */
    /** The figure gate's readers (nested classes included), and what writes the figures. */
    private static final DescribedPredicate<JavaClass> READERS_AND_WRITERS = new DescribedPredicate<>(
            "the figure gate's readers or the pipeline") {
        @Override
        public boolean test(JavaClass type) {
            String name = type.getName().replaceFirst("\\$.*", "");
            return name.startsWith("io.crowdlens.pipeline.") || name.startsWith("io.crowdlens.db.")
                    || Set.of("io.crowdlens.presence.PresenceReader", "io.crowdlens.presence.DayRowReader",
                            "io.crowdlens.presence.PresenceDayHours", "io.crowdlens.visits.PublishedVisits",
                            "io.crowdlens.commuting.PublishedCommuting").contains(name);
        }
    };

    @ArchTest
    static final ArchRule onlyTheGatesReadersTouchPublishedFigures = noClasses()
            .that(DescribedPredicate.not(READERS_AND_WRITERS))
            .should().dependOnClassesThat(PUBLISHED_FIGURES)
            .because("every partner figure passes the one figure gate (docs/privacy.md): only its readers read them");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices()
            .matching("io.crowdlens.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule everyPartnerFacingServiceMethodIsAuthorised = methods()
            .that().arePublic()
            .and().areDeclaredInClassesThat().areAnnotatedWith(Service.class)
            .and().areDeclaredInClassesThat().resideInAnyPackage(
                    "io.crowdlens.licensing", "io.crowdlens.partners", "io.crowdlens.release",
                    "io.crowdlens.presence", "io.crowdlens.visits", "io.crowdlens.commuting",
                    "io.crowdlens.export", "io.crowdlens.api", "io.crowdlens.query", "io.crowdlens.audit")
            .and().areDeclaredInClassesThat().doNotHaveSimpleName("AuditLog")
            .should().beAnnotatedWith(PreAuthorize.class)
            .allowEmptyShould(true)
            .because("a partner can never see another partner's data: every service method states who may call it");

    /** The account services too, except the sign-in machinery itself, which runs before anyone is signed in. */
    @ArchTest
    static final ArchRule everyAccountServiceMethodStatesWhoMayCallIt = methods()
            .that().arePublic()
            .and().areDeclaredInClassesThat().areAnnotatedWith(Service.class)
            .and().areDeclaredInClassesThat().resideInAPackage("io.crowdlens.security")
            .and().areDeclaredInClassesThat().doNotHaveSimpleName("UserAccounts")
            .should().beAnnotatedWith(PreAuthorize.class)
            .because("one-time links and account changes must say who may use them");
}
