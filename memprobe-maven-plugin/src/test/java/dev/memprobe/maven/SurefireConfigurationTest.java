package dev.memprobe.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.maven.model.Dependency;
import org.apache.maven.model.Plugin;
import org.junit.jupiter.api.Test;

class SurefireConfigurationTest {

    @Test
    void namesSurefiresPluginDependenciesThatMemprobesPluginDoesNotDeclare() {
        Plugin surefire = plugin(
                dependency("io.cucumber", "cucumber-junit-platform-engine", "7.20.1"),
                dependency("org.junit.platform", "junit-platform-suite-engine", "1.14.4"),
                dependency("org.junit.platform", "junit-platform-suite-engine", "1.14.4"));
        Plugin memprobe = plugin(dependency("org.junit.platform", "junit-platform-suite-engine", "1.13.0"));

        assertThat(SurefireConfiguration.dependenciesNotForwarded(surefire, memprobe))
                .containsExactly("io.cucumber:cucumber-junit-platform-engine");
        assertThat(SurefireConfiguration.dependenciesNotForwarded(surefire, null))
                .containsExactly(
                        "io.cucumber:cucumber-junit-platform-engine", "org.junit.platform:junit-platform-suite-engine");
    }

    @Test
    void nothingToSayWhenSurefireHasNoDependenciesOrIsNotInThePom() {
        assertThat(SurefireConfiguration.dependenciesNotForwarded(plugin(), plugin()))
                .isEmpty();
        assertThat(SurefireConfiguration.dependenciesNotForwarded(null, plugin()))
                .isEmpty();
    }

    @Test
    void aProviderForcedOnSurefireIsNotSomethingToDeclareOnMemprobe() {
        Plugin surefire = plugin(
                dependency("org.apache.maven.surefire", "surefire-junit47", "3.6.1"),
                dependency("org.junit.platform", "junit-platform-launcher", "1.14.4"));

        assertThat(SurefireConfiguration.dependenciesNotForwarded(surefire, plugin()))
                .containsExactly("org.junit.platform:junit-platform-launcher");
    }

    @Test
    void aClassifierMakesADifferentDependency() {
        Dependency tests = dependency("com.acme", "engine", "1.0");
        tests.setClassifier("tests");

        assertThat(SurefireConfiguration.dependenciesNotForwarded(
                        plugin(dependency("com.acme", "engine", "1.0")), plugin(tests)))
                .containsExactly("com.acme:engine");
    }

    private static Plugin plugin(Dependency... dependencies) {
        Plugin plugin = new Plugin();
        for (Dependency d : dependencies) {
            plugin.addDependency(d);
        }
        return plugin;
    }

    private static Dependency dependency(String groupId, String artifactId, String version) {
        Dependency d = new Dependency();
        d.setGroupId(groupId);
        d.setArtifactId(artifactId);
        d.setVersion(version);
        return d;
    }
}
