package dev.memprobe.maven;

import dev.memprobe.record.ParallelSetting;
import dev.memprobe.record.ProviderGuess;
import dev.memprobe.recorder.RecordOptions;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Dependency;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * One execution of the project's own {@code surefire:test} or {@code failsafe:integration-test}, as the recording
 * sees it at {@code mojoStarted}: Maven has resolved the test classpath and not yet configured the goal, so the
 * goal's configuration (an {@code Xpp3Dom}, every parameter present with its expression) can still be read and
 * edited in place. The edit adds the recorder's jars to {@code additionalClasspathElements}, the record folder and
 * the fork number to {@code systemPropertyVariables}, and only for Surefire's own JUnit 4 providers the recorder's
 * listener to the provider's {@code listener} property. Nothing else is touched: argLine, forkCount and reuseForks are
 * the project's.
 */
final class RecordedMojo {

    static final String PLUGINS = "org.apache.maven.plugins";
    static final String SUREFIRE = "maven-surefire-plugin";
    static final String FAILSAFE = "maven-failsafe-plugin";

    private static final String LISTENER = "dev.memprobe.recorder.JUnit4Listener";

    private final MavenSession session;
    private final MavenProject project;
    private final MojoExecution execution;
    private final PluginParameterExpressionEvaluator evaluator;

    RecordedMojo(MavenSession session, MavenProject project, MojoExecution execution) {
        this.session = session;
        this.project = project;
        this.execution = execution;
        this.evaluator = new PluginParameterExpressionEvaluator(session, execution);
    }

    String pluginArtifactId() {
        return execution.getArtifactId();
    }

    /** Whether Maven runs one of the goals a recording follows. */
    static boolean recorded(MojoExecution execution) {
        return PLUGINS.equals(execution.getGroupId())
                && ((SUREFIRE.equals(execution.getArtifactId()) && "test".equals(execution.getGoal()))
                        || (FAILSAFE.equals(execution.getArtifactId())
                                && "integration-test".equals(execution.getGoal())));
    }

    /** Why this execution runs no forked tests to record (skipped, forkCount 0), or empty. */
    Optional<String> nothingToRecord() {
        if (flag("skip")
                || flag("skipTests")
                || flag("skipExec")
                || flag("skipITs")
                || "true".equals(userProperty("maven.test.skip"))) {
            return Optional.of("tests are skipped");
        }
        if ("0".equals(value("forkCount"))) {
            return Optional.of("forkCount=0 runs the tests inside Maven, which memprobe does not record");
        }
        return Optional.empty();
    }

    /** The folder of this execution's journals: {@code target/memprobe/record/surefire-default-test}. */
    Path folder(Path record) {
        String plugin = execution.getArtifactId().replace("maven-", "").replace("-plugin", "");
        return record.resolve(plugin + "-" + execution.getExecutionId().replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    /** The provider the project's Surefire will pick. */
    ProviderGuess provider() {
        Set<String> pluginDependencies = new LinkedHashSet<>();
        for (Dependency d : execution.getPlugin().getDependencies()) {
            pluginDependencies.add(d.getGroupId() + ":" + d.getArtifactId());
        }
        Map<String, String> artifacts = new LinkedHashMap<>();
        for (Artifact a : project.getArtifacts()) {
            artifacts.put(a.getGroupId() + ":" + a.getArtifactId(), a.getVersion());
        }
        boolean parallelOrGroups = set(value("parallel")) || set(value("groups")) || set(value("excludedGroups"));
        return ProviderGuess.of(execution.getVersion(), pluginDependencies, artifacts, parallelOrGroups);
    }

    /** Whether the project asks its framework to run tests in parallel. */
    boolean parallel() {
        return ParallelSetting.of(
                value("parallel"),
                nested("properties", "configurationParameters"),
                nested("systemPropertyVariables", ParallelSetting.JUPITER),
                platformProperties());
    }

    /** The evaluated value of {@code <outer><name>} in the goal's configuration, or null. */
    private String nested(String outer, String name) {
        Xpp3Dom configuration = execution.getConfiguration();
        Xpp3Dom parent = configuration == null ? null : configuration.getChild(outer);
        Xpp3Dom node = parent == null ? null : parent.getChild(name);
        return node == null || node.getValue() == null ? null : evaluated(node.getValue());
    }

    /** The test classes' {@code junit-platform.properties} (copied there from the test resources), or null. */
    private String platformProperties() {
        String dir = value("testClassesDirectory");
        Path file = Path.of(dir != null ? dir : project.getBuild().getTestOutputDirectory())
                .resolve("junit-platform.properties");
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    boolean reuseForks() {
        return !"false".equals(value("reuseForks"));
    }

    String forkCount() {
        String forkCount = value("forkCount");
        return forkCount == null ? "1" : forkCount;
    }

    String reportsDirectory() {
        String dir = value("reportsDirectory");
        return dir != null
                ? dir
                : new File(
                                project.getBuild().getDirectory(),
                                FAILSAFE.equals(execution.getArtifactId()) ? "failsafe-reports" : "surefire-reports")
                        .getPath();
    }

    /** Failsafe's summary file, where a fork's death is written (its goal succeeds; {@code verify} fails later). */
    String summaryFile() {
        String file = value("summaryFile");
        return file != null ? file : new File(reportsDirectory(), "failsafe-summary.xml").getPath();
    }

    /**
     * Edits the goal's configuration so that every fork records into {@code folder}.
     *
     * @param jars the recorder's jar and the provider's, which holds the journal and the meters
     */
    void addRecorder(Path folder, List<Path> jars, ProviderGuess provider) {
        Xpp3Dom configuration = execution.getConfiguration();
        if (configuration == null) {
            configuration = new Xpp3Dom("configuration");
            execution.setConfiguration(configuration);
        }
        Xpp3Dom elements = child(configuration, "additionalClasspathElements");
        if (elements.getChildCount() == 0 && elements.getValue() != null) {
            String given = evaluated(elements.getValue());
            elements.setValue(null);
            for (String element : given == null ? new String[0] : given.split(",")) {
                if (!element.isBlank()) {
                    add(elements, "additionalClasspathElement", element.trim());
                }
            }
        }
        for (Path jar : jars) {
            add(elements, "additionalClasspathElement", jar.toAbsolutePath().toString());
        }
        Xpp3Dom properties = child(configuration, "systemPropertyVariables");
        add(properties, RecordOptions.DIR, folder.toAbsolutePath().toString());
        add(properties, RecordOptions.FORK, RecordOptions.FORK_VALUE);
        if (provider.needsListener() && onTestClasspath("junit:junit")) {
            addListener(child(configuration, "properties"));
        }
    }

    /** Appends the recorder's listener to the provider's {@code listener} property; the project's own stays. */
    private static void addListener(Xpp3Dom properties) {
        for (Xpp3Dom property : properties.getChildren("property")) {
            Xpp3Dom name = property.getChild("name");
            if (name != null && "listener".equals(name.getValue())) {
                Xpp3Dom value = child(property, "value");
                String given = value.getValue();
                value.setValue(given == null || given.isBlank() ? LISTENER : given + "," + LISTENER);
                return;
            }
        }
        Xpp3Dom property = new Xpp3Dom("property");
        add(property, "name", "listener");
        add(property, "value", LISTENER);
        properties.addChild(property);
    }

    /**
     * The test classes Surefire's scan finds for this execution (its includes, excludes and {@code test}), by the
     * project's own Surefire or Failsafe: their {@code TestListResolver} and {@code DirectoryScanner} from the realm
     * the goal ran in, by reflection (their signatures are the same from 3.0.0 to 3.6), so that memprobe's build
     * extension needs none of Surefire's artifacts itself.
     */
    List<String> testClasses() throws ReflectiveOperationException {
        String dir = value("testClassesDirectory");
        File classes = new File(dir != null ? dir : project.getBuild().getTestOutputDirectory());
        if (!classes.isDirectory()) {
            return List.of();
        }
        ClassLoader surefire =
                execution.getMojoDescriptor().getPluginDescriptor().getClassRealm();
        Class<?> resolver = Class.forName("org.apache.maven.surefire.api.testset.TestListResolver", false, surefire);
        String test = value("test");
        Object filter = set(test)
                ? resolver.getConstructor(String.class).newInstance(test)
                : resolver.getConstructor(Collection.class, Collection.class)
                        .newInstance(
                                patterns(
                                        "includes",
                                        FAILSAFE.equals(execution.getArtifactId())
                                                ? List.of("**/IT*.java", "**/*IT.java", "**/*ITCase.java")
                                                : List.of(
                                                        "**/Test*.java",
                                                        "**/*Test.java",
                                                        "**/*Tests.java",
                                                        "**/*TestCase.java")),
                                patterns("excludes", List.of("**/*$*")));
        Object scanner = Class.forName("org.apache.maven.plugin.surefire.util.DirectoryScanner", false, surefire)
                .getConstructor(File.class, resolver)
                .newInstance(classes, filter);
        Object scan = scanner.getClass().getMethod("scan").invoke(scanner);
        List<?> names = (List<?>) scan.getClass().getMethod("getClasses").invoke(scan);
        return names.stream().map(String::valueOf).toList();
    }

    private List<String> patterns(String name, List<String> defaults) {
        Xpp3Dom node = execution.getConfiguration() == null
                ? null
                : execution.getConfiguration().getChild(name);
        List<String> patterns = new ArrayList<>();
        if (node != null) {
            for (Xpp3Dom child : node.getChildren()) {
                String pattern = evaluated(child.getValue());
                if (set(pattern)) {
                    patterns.add(pattern.trim());
                }
            }
        }
        return patterns.isEmpty() ? defaults : patterns;
    }

    private boolean onTestClasspath(String key) {
        for (Artifact a : project.getArtifacts()) {
            if (key.equals(a.getGroupId() + ":" + a.getArtifactId())) {
                return true;
            }
        }
        return false;
    }

    /** A parameter's value with its expression evaluated, its default when it has none; null when unset. */
    String value(String name) {
        Xpp3Dom configuration = execution.getConfiguration();
        Xpp3Dom node = configuration == null ? null : configuration.getChild(name);
        if (node == null) {
            return null;
        }
        String raw = node.getValue();
        String value = raw == null ? null : evaluated(raw);
        if (value == null && node.getAttribute("default-value") != null) {
            value = evaluated(node.getAttribute("default-value"));
        }
        return value;
    }

    private boolean flag(String name) {
        return "true".equals(value(name));
    }

    private String evaluated(String expression) {
        try {
            Object value = evaluator.evaluate(expression);
            return value == null ? null : String.valueOf(value);
        } catch (Exception e) {
            return null;
        }
    }

    private String userProperty(String key) {
        String value = session.getUserProperties().getProperty(key);
        return value != null ? value : project.getProperties().getProperty(key);
    }

    private static boolean set(String value) {
        return value != null && !value.isBlank();
    }

    private static Xpp3Dom child(Xpp3Dom parent, String name) {
        Xpp3Dom child = parent.getChild(name);
        if (child == null) {
            child = new Xpp3Dom(name);
            parent.addChild(child);
        }
        return child;
    }

    private static void add(Xpp3Dom parent, String name, String value) {
        Xpp3Dom child = new Xpp3Dom(name);
        child.setValue(value);
        parent.addChild(child);
    }
}
