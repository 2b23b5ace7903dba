package dev.memprobe.maven;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.component.configurator.ComponentConfigurationException;
import org.codehaus.plexus.component.configurator.ComponentConfigurator;
import org.codehaus.plexus.configuration.xml.XmlPlexusConfiguration;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The project's own {@code maven-surefire-plugin} configuration (plugin level merged with the {@code default-test}
 * execution, as {@code mvn test} sees it), applied to memprobe's goal so that its forks get the same argLine, system
 * properties, environment, classpath, includes and excludes, groups and working directory.
 *
 * <p>A parameter also set in memprobe's own configuration keeps memprobe's value. Parameters that would change the
 * shape of a probe (fork count, parallelism, reruns, reports) are left out: memprobe sets those itself.
 */
final class SurefireConfiguration {

    static final String SUREFIRE = "org.apache.maven.plugins:maven-surefire-plugin";
    static final String MEMPROBE = "dev.memprobe:memprobe-maven-plugin";

    /** Surefire parameters memprobe sets itself, whatever the project says. */
    static final Set<String> MEMPROBE_OWNED = Set.of(
            "forkCount",
            "reuseForks",
            "parallel",
            "threadCount",
            "threadCountSuites",
            "threadCountClasses",
            "threadCountMethods",
            "perCoreThreadCount",
            "useUnlimitedThreads",
            "parallelOptimized",
            "parallelTestsTimeoutInSeconds",
            "parallelTestsTimeoutForcedInSeconds",
            "skipAfterFailureCount",
            "rerunFailingTestsCount",
            "failOnFlakeCount",
            "forkedProcessTimeoutInSeconds",
            "reportsDirectory",
            "testFailureIgnore",
            "skip",
            "skipTests",
            "skipExec",
            "printSummary",
            "useFile",
            "redirectTestOutputToFile",
            "failIfNoTests",
            "failIfNoSpecifiedTests",
            "shutdown",
            "statelessTestsetReporter",
            "consoleOutputReporter",
            "statelessTestsetInfoReporter",
            "reportNameSuffix",
            "summaryFile");

    private final Xpp3Dom surefire;
    private final Set<String> ownExplicit;

    private SurefireConfiguration(Xpp3Dom surefire, Set<String> ownExplicit) {
        this.surefire = surefire;
        this.ownExplicit = ownExplicit;
    }

    /** Reads the project's Surefire configuration and which parameters memprobe's own configuration sets. */
    static SurefireConfiguration of(MavenProject project, String executionId) {
        Xpp3Dom surefire = merged(project.getPlugin(SUREFIRE), "default-test");
        Xpp3Dom own = merged(project.getPlugin(MEMPROBE), executionId);
        Set<String> explicit = new LinkedHashSet<>();
        if (own != null) {
            for (Xpp3Dom child : own.getChildren()) {
                explicit.add(child.getName());
            }
        }
        return new SurefireConfiguration(surefire, explicit);
    }

    private static Xpp3Dom merged(Plugin plugin, String executionId) {
        if (plugin == null) {
            return null;
        }
        Xpp3Dom pluginLevel = plugin.getConfiguration() instanceof Xpp3Dom dom ? new Xpp3Dom(dom) : null;
        Map<String, PluginExecution> executions = plugin.getExecutionsAsMap();
        PluginExecution execution = executionId == null ? null : executions.get(executionId);
        Xpp3Dom executionLevel =
                execution != null && execution.getConfiguration() instanceof Xpp3Dom dom ? new Xpp3Dom(dom) : null;
        if (executionLevel == null) {
            return pluginLevel;
        }
        return Xpp3Dom.mergeXpp3Dom(executionLevel, pluginLevel);
    }

    /**
     * The dependencies the project declares on {@code maven-surefire-plugin} but not on memprobe's plugin, as
     * {@code groupId:artifactId}. Surefire puts JUnit Platform engines found among its plugin's dependencies on its
     * forks; memprobe's forks, started by memprobe's plugin, look among memprobe's plugin's dependencies instead.
     * Surefire's own providers ({@code org.apache.maven.surefire}, put there to force one) are left out: memprobe's
     * forks run the provider Surefire detects from the test dependencies, whatever the project forces.
     */
    static List<String> dependenciesNotForwarded(MavenProject project) {
        return dependenciesNotForwarded(project.getPlugin(SUREFIRE), project.getPlugin(MEMPROBE));
    }

    static List<String> dependenciesNotForwarded(Plugin surefire, Plugin memprobe) {
        if (surefire == null) {
            return List.of();
        }
        Set<String> declared = new LinkedHashSet<>();
        if (memprobe != null) {
            memprobe.getDependencies().forEach(d -> declared.add(d.getManagementKey()));
        }
        return surefire.getDependencies().stream()
                .filter(d -> !"org.apache.maven.surefire".equals(d.getGroupId()))
                .filter(d -> !declared.contains(d.getManagementKey()))
                .map(d -> d.getGroupId() + ":" + d.getArtifactId())
                .distinct()
                .toList();
    }

    /** The raw value of a top-level Surefire parameter, or null. */
    String value(String name) {
        Xpp3Dom child = surefire == null ? null : surefire.getChild(name);
        return child == null ? null : child.getValue();
    }

    /**
     * A top-level Surefire parameter with its expressions evaluated as Maven does ({@code ${project.build.directory}}),
     * or null when the project does not set it.
     */
    Object evaluated(String name, MavenSession session, MojoExecution execution) throws MojoExecutionException {
        String raw = value(name);
        if (raw == null) {
            return null;
        }
        try {
            return new PluginParameterExpressionEvaluator(session, execution).evaluate(raw.trim());
        } catch (org.codehaus.plexus.component.configurator.expression.ExpressionEvaluationException e) {
            throw new MojoExecutionException(
                    "memprobe cannot read maven-surefire-plugin's " + name + " (" + raw + "): " + e.getMessage(), e);
        }
    }

    /** Whether memprobe's own configuration sets this parameter. */
    boolean setByMemprobe(String name) {
        return ownExplicit.contains(name);
    }

    /**
     * Applies the Surefire parameters memprobe's goal knows to {@code mojo}, evaluating expressions as Maven does.
     *
     * @return the names applied
     */
    List<String> applyTo(Object mojo, MojoExecution execution, MavenSession session, ComponentConfigurator configurator)
            throws MojoExecutionException {
        if (surefire == null) {
            return List.of();
        }
        Map<String, Parameter> known = execution.getMojoDescriptor().getParameterMap();
        Set<String> aliases = new LinkedHashSet<>();
        for (Parameter parameter : known.values()) {
            if (parameter.getAlias() != null) {
                aliases.add(parameter.getAlias());
            }
        }
        Xpp3Dom applied = new Xpp3Dom("configuration");
        List<String> names = new java.util.ArrayList<>();
        for (Xpp3Dom child : surefire.getChildren()) {
            String name = child.getName();
            if (MEMPROBE_OWNED.contains(name) || ownExplicit.contains(name)) {
                continue;
            }
            if (known.containsKey(name) || aliases.contains(name)) {
                applied.addChild(new Xpp3Dom(child));
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            return names;
        }
        try {
            configurator.configureComponent(
                    mojo,
                    new XmlPlexusConfiguration(applied),
                    new PluginParameterExpressionEvaluator(session, execution),
                    execution.getMojoDescriptor().getPluginDescriptor().getClassRealm());
        } catch (ComponentConfigurationException e) {
            throw new MojoExecutionException(
                    "memprobe cannot apply the project's maven-surefire-plugin configuration: " + e.getMessage(), e);
        }
        return names;
    }
}
