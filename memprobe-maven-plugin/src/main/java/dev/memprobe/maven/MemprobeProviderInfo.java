package dev.memprobe.maven;

import dev.memprobe.journal.ForkOptions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.surefire.TestClassPath;
import org.apache.maven.surefire.providerapi.ProviderInfo;
import org.apache.maven.surefire.providerapi.ProviderRequirements;

/**
 * The provider Surefire detected, wearing memprobe's provider: same classpath plus memprobe's provider jar, provider
 * class memprobe's, which starts the detected one inside the fork. Detection, JUnit engine auto-adding and launcher
 * alignment all stay Surefire's, because nothing about them changes: memprobe ships no provider service file.
 */
final class MemprobeProviderInfo implements ProviderInfo {

    static final String PROVIDER_CLASS = "dev.memprobe.provider.MemprobeProvider";
    /** memprobe's own JUnit 4 runner in the provider jar ({@link ForkProvider}). */
    static final String JUNIT4_CLASS = "dev.memprobe.junit4.JUnit4Provider";

    private final ProviderInfo detected;
    private final Artifact providerJar;
    private final BiConsumer<String, String> forkProperties;
    private final boolean junit4;
    private Set<Artifact> classpath;

    MemprobeProviderInfo(ProviderInfo detected, Artifact providerJar, BiConsumer<String, String> forkProperties) {
        this(detected, providerJar, forkProperties, false);
    }

    /** @param junit4 whether memprobe's JUnit 4 runner runs the tests in place of the detected provider */
    MemprobeProviderInfo(
            ProviderInfo detected, Artifact providerJar, BiConsumer<String, String> forkProperties, boolean junit4) {
        this.detected = detected;
        this.providerJar = providerJar;
        this.forkProperties = forkProperties;
        this.junit4 = junit4;
    }

    @Override
    public String getProviderName() {
        return PROVIDER_CLASS;
    }

    /** The class of the provider that runs the tests inside memprobe's: the detected one, or the JUnit 4 runner. */
    String detectedProviderName() {
        return junit4 ? JUNIT4_CLASS : detected.getProviderName();
    }

    @Override
    public boolean isApplicable() {
        return detected.isApplicable();
    }

    @Override
    public Set<Artifact> getProviderClasspath() throws MojoExecutionException {
        if (classpath == null) {
            Set<Artifact> artifacts = new LinkedHashSet<>(detected.getProviderClasspath());
            artifacts.add(providerJar);
            classpath = artifacts;
        }
        return classpath;
    }

    @Override
    public void addProviderProperties() throws MojoExecutionException {
        detected.addProviderProperties();
        forkProperties.accept(ForkOptions.DELEGATE, detectedProviderName());
    }

    @Override
    public List<String[]> getJpmsArguments(ProviderRequirements forkRequirements) {
        return detected.getJpmsArguments(forkRequirements);
    }

    @Override
    public TestClassPath decorateTestClassPath(TestClassPath testClasspath) throws MojoExecutionException {
        return detected.decorateTestClassPath(testClasspath);
    }
}
