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

    private final ProviderInfo detected;
    private final Artifact providerJar;
    private final BiConsumer<String, String> forkProperties;
    private Set<Artifact> classpath;

    MemprobeProviderInfo(ProviderInfo detected, Artifact providerJar, BiConsumer<String, String> forkProperties) {
        this.detected = detected;
        this.providerJar = providerJar;
        this.forkProperties = forkProperties;
    }

    @Override
    public String getProviderName() {
        return PROVIDER_CLASS;
    }

    /** The class of the provider Surefire detected, which runs the tests inside memprobe's. */
    String detectedProviderName() {
        return detected.getProviderName();
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
        forkProperties.accept(ForkOptions.DELEGATE, detected.getProviderName());
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
