package dev.memprobe.maven;

import dev.memprobe.record.ProviderGuess;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;

/**
 * Which provider runs memprobe's forks, and why. The forks run on memprobe's pinned Surefire, whose one provider is
 * the JUnit Platform's (JUnit 4 through Vintage). When the project's own Surefire (before 3.6) would run its tests
 * with its JUnit 4 provider, memprobe runs them with its own JUnit 4 runner instead, as that provider does: the forks
 * are then the program that ran in CI, at its cost (Vintage costs 1.5 to 1.7 times as much on a suite of small tests).
 *
 * @param junit4 whether memprobe's JUnit 4 runner runs the tests (else the provider the pinned Surefire detects)
 * @param id the report's name for it: {@code memprobe-junit4} or {@code surefire-junit-platform}
 * @param why one sentence for the start banner
 */
record ForkProvider(boolean junit4, String id, String why) {

    static final String JUNIT4 = "memprobe-junit4";
    static final String PLATFORM = "surefire-junit-platform";

    /** The choice of {@code memprobe.provider}: {@code auto} (as the project's Surefire), or {@code surefire}. */
    static ForkProvider choose(
            String option,
            MavenProject project,
            SurefireConfiguration surefire,
            String groups,
            String excludedGroups,
            boolean useSystemClassLoader) {
        Plugin plugin = project.getPlugin(SurefireConfiguration.SUREFIRE);
        String version = plugin == null ? null : plugin.getVersion();
        Set<String> pluginDependencies = new LinkedHashSet<>();
        if (plugin != null) {
            for (Dependency d : plugin.getDependencies()) {
                pluginDependencies.add(d.getGroupId() + ":" + d.getArtifactId());
            }
        }
        Map<String, String> artifacts = new LinkedHashMap<>();
        for (Artifact a : project.getArtifacts()) {
            artifacts.put(a.getGroupId() + ":" + a.getArtifactId(), a.getVersion());
        }
        boolean parallel = set(surefire.value("parallel"));
        return choose(
                option,
                version,
                pluginDependencies,
                artifacts,
                set(groups) || set(excludedGroups),
                parallel,
                useSystemClassLoader);
    }

    static ForkProvider choose(
            String option,
            String projectSurefire,
            Set<String> pluginDependencies,
            Map<String, String> testArtifacts,
            boolean groups,
            boolean parallel,
            boolean useSystemClassLoader) {
        if ("surefire".equals(option)) {
            return platform("memprobe.provider=surefire");
        }
        ProviderGuess guess = ProviderGuess.of(projectSurefire, pluginDependencies, testArtifacts, groups || parallel);
        boolean junit4 = guess == ProviderGuess.JUNIT4 || (guess == ProviderGuess.JUNIT47 && !groups);
        if (!junit4) {
            return platform(
                    guess == ProviderGuess.JUNIT47
                            ? "the project's Surefire " + projectSurefire + " filters JUnit 4 categories (groups),"
                                    + " which the JUnit Platform does too"
                            : "as the project's Surefire " + (projectSurefire == null ? "" : projectSurefire + " ")
                                    + "runs its tests");
        }
        if (!useSystemClassLoader) {
            return platform("useSystemClassLoader=false: memprobe's JUnit 4 runner needs the tests' class loader");
        }
        return new ForkProvider(
                true,
                JUNIT4,
                "memprobe's JUnit 4 runner, as the project's Surefire " + projectSurefire + " runs its tests with"
                        + " its JUnit 4 provider (-Dmemprobe.provider=surefire: through JUnit Vintage)");
    }

    private static ForkProvider platform(String why) {
        return new ForkProvider(false, PLATFORM, "the JUnit Platform provider, " + why);
    }

    private static boolean set(String value) {
        return value != null && !value.isBlank();
    }
}
