package org.layerlab.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module dependency direction of ARCHITECTURE.md, checked on the compiled classes. */
class ArchitectureTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.layerlab");

    @Test
    void computeKnowsNoUiAndNoOtherModule() {
        noClasses().that().resideInAPackage("org.layerlab.compute..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.layerlab.editor..", "org.layerlab.charts..",
                        "org.layerlab.app..", "org.jfree..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void editorAndChartsDoNotKnowEachOtherOrTheApp() {
        noClasses().that().resideInAPackage("org.layerlab.editor..")
                .should().dependOnClassesThat().resideInAnyPackage("org.layerlab.charts..", "org.layerlab.app..")
                .check(classes);
        noClasses().that().resideInAPackage("org.layerlab.charts..")
                .should().dependOnClassesThat().resideInAnyPackage("org.layerlab.editor..", "org.layerlab.app..")
                .check(classes);
    }

    /**
     * Views get plain results: analysis that runs a network is a probe's (compute), never the charts'. (The loss
     * catalog's names and the data preview's samples are read as data; networks, layers and trainers are not.)
     */
    @Test
    void chartsReadNoNetworkTypes() {
        noClasses().that().resideInAPackage("org.layerlab.charts..")
                .should().dependOnClassesThat().resideInAnyPackage("org.layerlab.compute.graph..", "org.layerlab.compute.layers..",
                        "org.layerlab.compute.autodiff..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.layerlab.compute.train.Trainer")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.layerlab.compute.train.probe.ProbeHub")
                .check(classes);
    }
}
