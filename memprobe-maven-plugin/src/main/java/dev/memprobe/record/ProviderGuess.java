package dev.memprobe.record;

import java.util.Map;
import java.util.Set;

/**
 * Which of its providers the project's Surefire will pick, decided as Surefire decides it before 3.6
 * ({@code AbstractSurefireMojo.createProviders}): a provider declared as the plugin's dependency, else the JUnit
 * Platform when its commons are on the test classpath, else TestNG, else JUnit 4.7+ with {@code parallel} or groups,
 * else JUnit 4. From 3.6 on the JUnit Platform runs everything. Only the JUnit 4 providers need the recorder named in
 * their {@code listener} property; the platform's and TestNG's listeners load from the recorder's service files. A
 * wrong guess towards the platform is harmless (the listener is simply not named); naming it for TestNG would hand
 * TestNG a JUnit class, so in doubt it is not named, and never without {@code junit:junit} on the test classpath.
 */
public enum ProviderGuess {
    JUNIT_PLATFORM("junit-platform"),
    JUNIT4("junit4"),
    JUNIT47("junit47"),
    TESTNG("testng"),
    NONE("none");

    private final String id;

    ProviderGuess(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /**
     * @param surefireVersion the project's maven-surefire-plugin (or failsafe) version
     * @param pluginDependencies {@code groupId:artifactId} of the dependencies declared on the plugin
     * @param testArtifacts {@code groupId:artifactId} to version of the project's test classpath
     * @param parallelOrGroups whether {@code parallel}, {@code groups} or {@code excludedGroups} is set
     */
    public static ProviderGuess of(
            String surefireVersion,
            Set<String> pluginDependencies,
            Map<String, String> testArtifacts,
            boolean parallelOrGroups) {
        if (atLeast(surefireVersion, 3, 6)) {
            return JUNIT_PLATFORM;
        }
        for (String dependency : pluginDependencies) {
            switch (dependency) {
                case "org.apache.maven.surefire:surefire-junit4":
                    return JUNIT4;
                case "org.apache.maven.surefire:surefire-junit47":
                    return JUNIT47;
                case "org.apache.maven.surefire:surefire-testng":
                    return TESTNG;
                case "org.apache.maven.surefire:surefire-junit-platform":
                    return JUNIT_PLATFORM;
                default:
                    break;
            }
        }
        if ((testArtifacts.containsKey("org.junit.platform:junit-platform-commons")
                        || pluginDependencies.contains("org.junit.platform:junit-platform-engine"))
                && !testArtifacts.containsKey("org.junit.platform:junit-platform-runner")) {
            return JUNIT_PLATFORM;
        }
        if (testArtifacts.containsKey("org.testng:testng")) {
            return TESTNG;
        }
        String junit = testArtifacts.getOrDefault("junit:junit", testArtifacts.get("junit:junit-dep"));
        if (junit == null) {
            return NONE;
        }
        if (atLeast(junit, 4, 7) && parallelOrGroups) {
            return JUNIT47;
        }
        return atLeast(junit, 4, 0) ? JUNIT4 : NONE;
    }

    /** The Surefire and Failsafe versions whose recording is built and tested, in words. */
    public static final String KNOWN = "3.0.0 to 3.6.x";

    /**
     * Whether {@code version} of maven-surefire-plugin or maven-failsafe-plugin is one the recording is built for
     * ({@link #KNOWN}); another one is recorded all the same, with a warning.
     */
    public static boolean known(String version) {
        return atLeast(version, 3, 0) && !atLeast(version, 3, 7);
    }

    /** Whether the recorder's JUnit 4 listener must be named in the provider's {@code listener} property. */
    public boolean needsListener() {
        return this == JUNIT4 || this == JUNIT47;
    }

    /** Whether {@code version} is {@code major.minor} or later; an unreadable version is not. */
    static boolean atLeast(String version, int major, int minor) {
        if (version == null) {
            return false;
        }
        String[] parts = version.split("[.-]");
        try {
            int ma = Integer.parseInt(parts[0]);
            int mi = parts.length > 1 ? Integer.parseInt(parts[1].replaceAll("\\D.*", "")) : 0;
            return ma > major || (ma == major && mi >= minor);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
