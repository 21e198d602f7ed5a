package de.sozialmonitor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/architecture.md, checked on the compiled main classes: data flows one way,
 * {@code method} and {@code privacy} are pure, {@code store} is persistence only, and SQL lives in
 * {@code store}.
 */
class ArchitectureTest {
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("de.sozialmonitor");
    }

    @Test
    void layersPointOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Model").definedBy("de.sozialmonitor.model..", "de.sozialmonitor.i18n..", "de.sozialmonitor.json..")
                .layer("Method").definedBy("de.sozialmonitor.method..")
                .layer("Privacy").definedBy("de.sozialmonitor.privacy..")
                .layer("Workspace").definedBy("de.sozialmonitor.workspace..")
                .layer("Store").definedBy("de.sozialmonitor.store..")
                .layer("Ingest").definedBy("de.sozialmonitor.ingest..")
                .layer("Workflow").definedBy("de.sozialmonitor.workflow..")
                .layer("Analysis").definedBy("de.sozialmonitor.analysis..")
                .layer("View").definedBy("de.sozialmonitor.view..")
                .layer("Report").definedBy("de.sozialmonitor.report..")
                .layer("Exchange").definedBy("de.sozialmonitor.exchange..")
                .layer("Web").definedBy("de.sozialmonitor.web..")
                .layer("Application").definedBy("de.sozialmonitor.cli..", "de.sozialmonitor.demo..")
                .whereLayer("Model").mayNotAccessAnyLayer()
                .whereLayer("Method").mayOnlyAccessLayers("Model")
                .whereLayer("Privacy").mayOnlyAccessLayers("Model")
                .whereLayer("Workspace").mayOnlyAccessLayers("Model", "Store")
                .whereLayer("Store").mayOnlyAccessLayers("Model", "Method", "Privacy")
                .whereLayer("Analysis").mayOnlyAccessLayers("Model", "Method", "Privacy")
                .whereLayer("Ingest").mayOnlyAccessLayers("Model", "Workspace", "Store")
                .whereLayer("Workflow").mayOnlyAccessLayers("Model", "Method", "Privacy", "Analysis", "Workspace", "Store")
                .whereLayer("View").mayOnlyAccessLayers("Model", "Method", "Privacy", "Analysis", "Workspace", "Store")
                .whereLayer("Report").mayOnlyAccessLayers("Model", "Method", "Privacy", "Analysis", "Workspace", "Store", "View")
                .whereLayer("Exchange").mayOnlyAccessLayers("Model", "Privacy", "Store", "View")
                .whereLayer("Web").mayOnlyAccessLayers("Model", "Method", "Privacy", "Analysis", "Workspace", "Store", "Ingest",
                        "Workflow", "View", "Report", "Exchange")
                .check(main);
    }

    @Test
    void methodAndPrivacyArePureComputation() {
        noClasses().that().resideInAnyPackage("de.sozialmonitor.method..", "de.sozialmonitor.privacy..",
                        "de.sozialmonitor.analysis..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.jdbi..", "java.nio.file..",
                        "java.net..", "io.javalin..", "org.flywaydb..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
                .because("the method, disclosure control and the indicator analysis are pure functions of their input "
                        + "(docs/architecture.md)")
                .check(main);
    }

    /**
     * The store saves and loads the method's and the privacy part's data; it never computes with
     * them: computing and releasing are {@code workflow}.
     */
    @Test
    void storeUsesOnlyTheDataTypesOfMethodAndPrivacy() {
        classes().that().resideInAPackage("de.sozialmonitor.store..")
                .should().onlyDependOnClassesThat(DescribedPredicate.not(computationOfMethodOrPrivacy()))
                .because("store is persistence only; compute and release workflows live in workflow")
                .check(main);
    }

    /** Classes of method or privacy that are not plain data (records, enums, or the data tables named here). */
    private static DescribedPredicate<JavaClass> computationOfMethodOrPrivacy() {
        Set<String> dataClasses = Set.of("de.sozialmonitor.method.MonitoringInput", "de.sozialmonitor.method.AreaTable",
                "de.sozialmonitor.privacy.ReleaseDownload");
        return DescribedPredicate.describe("computation of method or privacy", c -> {
            String pkg = c.getPackageName();
            if (!pkg.equals("de.sozialmonitor.method") && !pkg.equals("de.sozialmonitor.privacy")) {
                return false;
            }
            JavaClass outer = c;
            while (outer.getEnclosingClass().isPresent()) {
                if (isData(outer, dataClasses)) {
                    return false;
                }
                outer = outer.getEnclosingClass().get();
            }
            return !isData(outer, dataClasses);
        });
    }

    private static boolean isData(JavaClass c, Set<String> dataClasses) {
        return c.isEnum() || c.getRawSuperclass().map(s -> s.isEquivalentTo(Record.class)).orElse(false)
                || dataClasses.contains(c.getName());
    }

    @Test
    void sqlIsRunOnlyInStore() {
        DescribedPredicate<JavaMethodCall> statement = DescribedPredicate.describe("a JDBI statement", call ->
                (call.getTargetOwner().isAssignableTo(org.jdbi.v3.core.Handle.class)
                        && Set.of("createQuery", "createUpdate", "createScript", "createCall", "prepareBatch", "execute", "select")
                        .contains(call.getName())));
        noClasses().that().resideOutsideOfPackage("de.sozialmonitor.store..")
                .should().callMethodWhere(statement)
                .because("all SQL lives in store (docs/architecture.md)")
                .check(main);
    }

    /** One Jackson configuration ({@code json.Json}); YAML is read by {@code workspace.YamlDocument} alone. */
    @Test
    void jsonIsMappedByOneConfiguration() {
        DescribedPredicate<com.tngtech.archunit.core.domain.JavaCall<?>> newMapper = DescribedPredicate.describe(
                "a new Jackson mapper", call -> call.getTargetOwner().isAssignableTo(com.fasterxml.jackson.databind.ObjectMapper.class)
                        && (call.getName().equals("<init>") || Set.of("builder", "copy", "rebuild").contains(call.getName())));
        noClasses().that().resideOutsideOfPackage("de.sozialmonitor.json..")
                .and().doNotHaveFullyQualifiedName("de.sozialmonitor.workspace.YamlDocument")
                .should().callCodeUnitWhere(newMapper)
                .because("every JSON is read and written with json.Json's one configuration")
                .check(main);
    }

    /** A newcomer finds a class by its name: no two top-level classes share one. */
    @Test
    void noTwoClassesShareASimpleName() {
        java.util.Map<String, java.util.List<String>> byName = new java.util.TreeMap<>();
        for (JavaClass c : main) {
            if (c.isTopLevelClass() && !c.getSimpleName().equals("package-info")) {
                byName.computeIfAbsent(c.getSimpleName(), k -> new java.util.ArrayList<>()).add(c.getName());
            }
        }
        byName.values().removeIf(names -> names.size() < 2);
        org.assertj.core.api.Assertions.assertThat(byName).as("classes with the same simple name").isEmpty();
    }
}
