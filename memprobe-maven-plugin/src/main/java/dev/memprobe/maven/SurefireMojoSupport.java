package dev.memprobe.maven;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Properties;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.surefire.AbstractSurefireMojo;
import org.apache.maven.plugin.surefire.SurefireReportParameters;
import org.apache.maven.plugin.surefire.TestClassPath;
import org.apache.maven.plugin.surefire.log.PluginConsoleLogger;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.surefire.api.suite.RunResult;
import org.apache.maven.surefire.api.util.DefaultScanResult;
import org.apache.maven.surefire.extensions.ForkNodeFactory;
import org.apache.maven.surefire.providerapi.ProviderInfo;

/**
 * The boilerplate of extending Surefire's {@link AbstractSurefireMojo} (pinned 3.6.x), kept in one class so that the
 * memprobe logic stays out of it: the parameters that {@code maven-surefire-plugin}'s own {@code SurefireMojo}
 * declares (same names and user properties, so a project's Surefire configuration applies as it is), the abstract
 * methods, and the few places where memprobe must reach into Surefire.
 *
 * <p>What memprobe relies on in Surefire's internals, each covered by an integration test: {@code execute()} can run
 * again with {@code hasExecutedBefore()} false; fork crashes arrive in {@link #handleSummary} instead of being thrown;
 * {@code forkCount} and {@code reuseForks} have no setters; the test scan is a private method; the console logger is
 * a private field.
 */
public abstract class SurefireMojoSupport extends AbstractSurefireMojo implements SurefireReportParameters {

    /** Coordinates of the provider jar that goes onto each fork's classpath beside Surefire's provider. */
    static final String PROVIDER_KEY = "dev.memprobe:memprobe-surefire-provider";

    /**
     * Skips the goal ({@code memprobe.skip}), as it skips every memprobe goal. The goal also skips when tests are
     * skipped ({@code skipTests}, {@code maven.test.skip}), as Surefire's run does. (Surefire's own {@code skip}
     * parameter, {@code maven.test.skip}, is this one's in memprobe.)
     *
     * @since 0.1.0
     */
    @Parameter(property = "memprobe.skip", defaultValue = "false")
    private boolean skip;

    /** Surefire's {@code maven.test.skip}: tests are neither compiled nor run. */
    @Parameter(defaultValue = "${maven.test.skip}", readonly = true)
    private boolean skipTestsAndCompilation;

    @Parameter(defaultValue = "${project.build.outputDirectory}")
    private File classesDirectory;

    /**
     * Surefire's {@code testFailureIgnore} ({@code maven.test.failure.ignore}), as for {@code mvn test}: tests that
     * fail, not of memory, do not fail the build; their lines are warnings. Also read from the project's Surefire
     * configuration.
     */
    @Parameter(property = "maven.test.failure.ignore", defaultValue = "false")
    private boolean testFailureIgnore;

    /**
     * Surefire's {@code reportsDirectory}: where each class's Surefire report is copied, from the probe that measured
     * it, as {@code mvn test} writes them (also read from the project's Surefire configuration). Each probe's own
     * reports are in its folder under {@code memprobe.outputDirectory}.
     */
    @Parameter(defaultValue = "${project.build.directory}/surefire-reports")
    private File reportsDirectory;

    /** Surefire's {@code test} ({@code -Dtest=Import*}): narrows the test set, as for {@code mvn test}. */
    @Parameter(property = "test")
    private String test;

    @Parameter(property = "surefire.printSummary", defaultValue = "true")
    private boolean printSummary;

    @Parameter(property = "surefire.reportFormat", defaultValue = "brief")
    private String reportFormat;

    @Parameter(property = "surefire.useFile", defaultValue = "true")
    private boolean useFile;

    @Parameter(property = "surefire.failIfNoSpecifiedTests", defaultValue = "true")
    private boolean failIfNoSpecifiedTests;

    @Parameter(property = "maven.surefire.debug")
    private String debugForkedProcess;

    /**
     * Surefire's {@code forkedProcessTimeoutInSeconds} ({@code surefire.timeout}): memprobe's
     * {@code memprobe.forkTimeout} when that is unset; memprobe enforces it itself (SIGTERM, then SIGKILL).
     */
    @Parameter(property = "surefire.timeout")
    private int forkedProcessTimeoutInSeconds;

    @Parameter(property = "surefire.exitTimeout", defaultValue = "30")
    private int forkedProcessExitTimeoutInSeconds;

    @Parameter(property = "surefire.parallel.timeout")
    private double parallelTestsTimeoutInSeconds;

    @Parameter(property = "surefire.parallel.forcedTimeout")
    private double parallelTestsTimeoutForcedInSeconds;

    @Parameter(property = "surefire.includes")
    private List<String> includes;

    @Parameter(property = "surefire.excludes")
    private List<String> excludes;

    @Parameter(property = "surefire.useSystemClassLoader", defaultValue = "true")
    private boolean useSystemClassLoader;

    @Parameter(property = "surefire.useManifestOnlyJar", defaultValue = "true")
    private boolean useManifestOnlyJar;

    @Parameter(property = "surefire.encoding", defaultValue = "${project.reporting.outputEncoding}")
    private String encoding;

    @Parameter(property = "surefire.rerunFailingTestsCount", defaultValue = "0")
    private int rerunFailingTestsCount;

    @Parameter(property = "surefire.failOnFlakeCount", defaultValue = "0")
    private int failOnFlakeCount;

    /**
     * Surefire's {@code runOrder}: the order of the first probe, the whole suite, as on this machine under
     * {@code mvn test} (also read from the project's Surefire configuration).
     */
    @Parameter(property = "surefire.runOrder", defaultValue = "filesystem")
    private String runOrder;

    @Parameter(property = "surefire.runOrder.random.seed")
    private Long runOrderRandomSeed;

    @Parameter(property = "surefire.runOrder.statisticsFile.checksum")
    private String runOrderStatisticsFileChecksum;

    @Parameter(property = "surefire.includesFile")
    private File includesFile;

    @Parameter(property = "surefire.excludesFile")
    private File excludesFile;

    @Parameter(property = "surefire.skipAfterFailureCount", defaultValue = "0")
    private int skipAfterFailureCount;

    @Parameter(property = "surefire.shutdown", defaultValue = "exit")
    private String shutdown;

    @Parameter(property = "surefire.useModulePath", defaultValue = "true")
    private boolean useModulePath;

    @Parameter(property = "surefire.forkNode")
    private ForkNodeFactory forkNode;

    @Parameter(property = "surefire.excludedEnvironmentVariables")
    private String[] excludedEnvironmentVariables;

    @Parameter(property = "surefire.enableProcessChecker")
    private String enableProcessChecker;

    @Parameter(property = "surefire.systemPropertiesFile")
    private File systemPropertiesFile;

    @Parameter(property = "surefire.includeJUnit5Engines")
    private String[] includeJUnit5Engines;

    @Parameter(property = "surefire.excludeJUnit5Engines")
    private String[] excludeJUnit5Engines;

    private List<ProviderInfo> wrappedProviders;
    /** Whether memprobe's JUnit 4 runner runs the tests in place of the provider Surefire detects. */
    private boolean junit4Runner;

    private Properties surefireProperties;
    private RunResult lastSummary;
    private Exception lastForkException;

    /** What one run of Surefire's machinery ended with. */
    record SurefireRun(RunResult summary, Exception forkException) {}

    // ---------------------------------------------------------------- memprobe's reach into Surefire

    /** Whether {@code memprobe.skip} is set. */
    final boolean memprobeSkipped() {
        return skip;
    }

    /** Whether tests are skipped, as Surefire would skip them: {@code skipTests}, {@code maven.test.skip}. */
    final boolean testsSkipped() {
        return skipTestsAndCompilation || skipTests || skipExec;
    }

    /** Runs Surefire's whole fork machinery once, as {@code mvn test} would, and returns how it ended. */
    final SurefireRun runSurefire() throws MojoExecutionException, MojoFailureException {
        lastSummary = null;
        lastForkException = null;
        super.execute();
        return new SurefireRun(lastSummary, lastForkException);
    }

    /** The project's Surefire test set, scanned once with Surefire's own scanner and include/exclude rules. */
    final List<String> scanTestClasses() throws MojoExecutionException {
        try {
            Method scan = AbstractSurefireMojo.class.getDeclaredMethod("scanForTestClasses");
            scan.setAccessible(true);
            return ((DefaultScanResult) scan.invoke(this)).getClasses();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new MojoExecutionException(
                    "Surefire could not scan the test classes: " + (cause == null ? e : cause.getMessage()), cause);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new MojoExecutionException(
                    "memprobe cannot use this Surefire (" + e + "); it is built for Surefire's internals as pinned", e);
        }
    }

    /** Runs the tests with memprobe's JUnit 4 runner rather than the provider Surefire detects ({@link ForkProvider}). */
    final void runWithJUnit4(boolean junit4) {
        this.junit4Runner = junit4;
        this.wrappedProviders = null;
    }

    /** One fork, classes one at a time, nothing re-run, everything reported into the probe's folder. */
    final void shapeForks() throws MojoExecutionException {
        forceOneReusedFork();
        setParallel(null);
        setThreadCount(0);
        setThreadCountSuites(0);
        setThreadCountClasses(0);
        setThreadCountMethods(0);
        setUseUnlimitedThreads(false);
        setPerCoreThreadCount(false);
        setSkipAfterFailureCount(0);
        setRerunFailingTestsCount(0);
        setFailOnFlakeCount(0);
        setForkedProcessTimeoutInSeconds(0);
        setTestFailureIgnore(true);
        setFailIfNoTests(false);
        setFailIfNoSpecifiedTests(false);
        setPrintSummary(false);
        setRedirectTestOutputToFile(true);
        setUseFile(true);
        // each probe's TEST-*.xml would repeat every system property of the fork, the test classpath twice among
        // them: with a long classpath hundreds of KiB per class and probe (800 MB for 2,000 classes), memprobe's
        // journal has what it needs
        setEnablePropertiesElement(false);
        setShutdown("kill");
        if (getEnableProcessChecker() == null) {
            setEnableProcessChecker("all");
        }
        quietSurefireConsole();
    }

    /** One fork that runs every class in order: the only shape a probe may have. */
    final void forceOneReusedFork() throws MojoExecutionException {
        setSurefireField("forkCount", "1");
        setSurefireField("reuseForks", Boolean.TRUE);
    }

    /** Sends Surefire's own console output (its per-class lines, its fork warnings) to Maven's debug level. */
    final void quietSurefireConsole() throws MojoExecutionException {
        org.slf4j.Logger quiet = QuietLogger.of(getLog());
        setSurefireField("logger", quiet);
        setSurefireField("consoleLogger", new PluginConsoleLogger(quiet));
    }

    private void setSurefireField(String name, Object value) throws MojoExecutionException {
        try {
            Field field = AbstractSurefireMojo.class.getDeclaredField(name);
            field.setAccessible(true);
            field.set(this, value);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new MojoExecutionException(
                    "memprobe cannot set Surefire's " + name + " (" + e
                            + "); it is built for Surefire's internals as pinned",
                    e);
        }
    }

    /** Puts memprobe's keys into the provider properties of the next fork. */
    final void putProviderProperty(String key, String value) {
        Properties properties = surefireProperties;
        if (properties == null) {
            properties = new Properties();
            setProperties(properties);
        }
        properties.setProperty(key, value);
    }

    @Override
    public void setProperties(Properties properties) {
        // Surefire replaces its provider properties with a copy on every run; keep hold of the current object
        this.surefireProperties = properties;
        super.setProperties(properties);
    }

    @Override
    protected List<ProviderInfo> createProviders(TestClassPath testClasspath) throws MojoExecutionException {
        if (wrappedProviders == null) {
            Artifact providerJar = getPluginArtifactMap().get(PROVIDER_KEY);
            if (providerJar == null || providerJar.getFile() == null) {
                throw new MojoExecutionException(
                        "memprobe's provider jar (" + PROVIDER_KEY + ") is missing from the plugin's dependencies");
            }
            wrappedProviders = super.createProviders(testClasspath).stream()
                    .map(detected -> (ProviderInfo)
                            new MemprobeProviderInfo(detected, providerJar, this::putProviderProperty, junit4Runner))
                    .toList();
        }
        return wrappedProviders;
    }

    @Override
    protected void handleSummary(RunResult summary, Exception firstForkException) {
        lastSummary = summary;
        lastForkException = firstForkException;
    }

    @Override
    protected boolean hasExecutedBefore() {
        return false;
    }

    @Override
    protected boolean isSkipExecution() {
        return false;
    }

    // ---------------------------------------------------------------- what SurefireMojo declares

    @Override
    protected String getPluginName() {
        return "surefire";
    }

    @Override
    protected int getRerunFailingTestsCount() {
        return rerunFailingTestsCount;
    }

    @Override
    protected String[] getDefaultIncludes() {
        return new String[] {"**/Test*.java", "**/*Test.java", "**/*Tests.java", "**/*TestCase.java"};
    }

    @Override
    protected String getReportSchemaLocation() {
        return "https://maven.apache.org/surefire/maven-surefire-plugin/xsd/surefire-test-report.xsd";
    }

    @Override
    protected boolean useModulePath() {
        return useModulePath;
    }

    @Override
    protected void setUseModulePath(boolean useModulePath) {
        this.useModulePath = useModulePath;
    }

    @Override
    protected String getEnableProcessChecker() {
        return enableProcessChecker;
    }

    void setEnableProcessChecker(String enableProcessChecker) {
        this.enableProcessChecker = enableProcessChecker;
    }

    @Override
    protected ForkNodeFactory getForkNode() {
        return forkNode;
    }

    @Override
    protected String[] getExcludedEnvironmentVariables() {
        return excludedEnvironmentVariables == null ? new String[0] : excludedEnvironmentVariables;
    }

    @Override
    public File getSystemPropertiesFile() {
        return systemPropertiesFile;
    }

    @Override
    public void setSystemPropertiesFile(File systemPropertiesFile) {
        this.systemPropertiesFile = systemPropertiesFile;
    }

    @Override
    public boolean isSkipTests() {
        return skipTests;
    }

    @Override
    public void setSkipTests(boolean skipTests) {
        this.skipTests = skipTests;
    }

    @Override
    @Deprecated
    public boolean isSkipExec() {
        return skipExec;
    }

    @Override
    @Deprecated
    public void setSkipExec(boolean skipExec) {
        this.skipExec = skipExec;
    }

    @Override
    public boolean isSkip() {
        return skip;
    }

    @Override
    public void setSkip(boolean skip) {
        this.skip = skip;
    }

    @Override
    public boolean isTestFailureIgnore() {
        return testFailureIgnore;
    }

    @Override
    public void setTestFailureIgnore(boolean testFailureIgnore) {
        this.testFailureIgnore = testFailureIgnore;
    }

    @Override
    public File getBasedir() {
        return basedir;
    }

    @Override
    public void setBasedir(File basedir) {
        this.basedir = basedir;
    }

    @Override
    public File getTestClassesDirectory() {
        return testClassesDirectory;
    }

    @Override
    public void setTestClassesDirectory(File testClassesDirectory) {
        this.testClassesDirectory = testClassesDirectory;
    }

    @Override
    public File getMainBuildPath() {
        return classesDirectory;
    }

    @Override
    public void setMainBuildPath(File mainBuildPath) {
        this.classesDirectory = mainBuildPath;
    }

    @Override
    public File getReportsDirectory() {
        return reportsDirectory;
    }

    @Override
    public void setReportsDirectory(File reportsDirectory) {
        this.reportsDirectory = reportsDirectory;
    }

    @Override
    public String getTest() {
        return test;
    }

    @Override
    public void setTest(String test) {
        this.test = test;
    }

    @Override
    public List<String> getIncludes() {
        return includes;
    }

    @Override
    public void setIncludes(List<String> includes) {
        this.includes = includes;
    }

    @Override
    public List<String> getExcludes() {
        return excludes;
    }

    @Override
    public void setExcludes(List<String> excludes) {
        this.excludes = excludes;
    }

    @Override
    public boolean isPrintSummary() {
        return printSummary;
    }

    @Override
    public void setPrintSummary(boolean printSummary) {
        this.printSummary = printSummary;
    }

    @Override
    public String getReportFormat() {
        return reportFormat;
    }

    @Override
    public void setReportFormat(String reportFormat) {
        this.reportFormat = reportFormat;
    }

    @Override
    public boolean isUseFile() {
        return useFile;
    }

    @Override
    public void setUseFile(boolean useFile) {
        this.useFile = useFile;
    }

    @Override
    public String getDebugForkedProcess() {
        return debugForkedProcess;
    }

    @Override
    public void setDebugForkedProcess(String debugForkedProcess) {
        this.debugForkedProcess = debugForkedProcess;
    }

    @Override
    public int getForkedProcessTimeoutInSeconds() {
        return forkedProcessTimeoutInSeconds;
    }

    @Override
    public void setForkedProcessTimeoutInSeconds(int forkedProcessTimeoutInSeconds) {
        this.forkedProcessTimeoutInSeconds = forkedProcessTimeoutInSeconds;
    }

    @Override
    public int getForkedProcessExitTimeoutInSeconds() {
        return forkedProcessExitTimeoutInSeconds;
    }

    @Override
    public void setForkedProcessExitTimeoutInSeconds(int forkedProcessExitTimeoutInSeconds) {
        this.forkedProcessExitTimeoutInSeconds = forkedProcessExitTimeoutInSeconds;
    }

    @Override
    public double getParallelTestsTimeoutInSeconds() {
        return parallelTestsTimeoutInSeconds;
    }

    @Override
    public void setParallelTestsTimeoutInSeconds(double parallelTestsTimeoutInSeconds) {
        this.parallelTestsTimeoutInSeconds = parallelTestsTimeoutInSeconds;
    }

    @Override
    public double getParallelTestsTimeoutForcedInSeconds() {
        return parallelTestsTimeoutForcedInSeconds;
    }

    @Override
    public void setParallelTestsTimeoutForcedInSeconds(double parallelTestsTimeoutForcedInSeconds) {
        this.parallelTestsTimeoutForcedInSeconds = parallelTestsTimeoutForcedInSeconds;
    }

    @Override
    public boolean isUseSystemClassLoader() {
        return useSystemClassLoader;
    }

    @Override
    public void setUseSystemClassLoader(boolean useSystemClassLoader) {
        this.useSystemClassLoader = useSystemClassLoader;
    }

    @Override
    public boolean isUseManifestOnlyJar() {
        return useManifestOnlyJar;
    }

    @Override
    public void setUseManifestOnlyJar(boolean useManifestOnlyJar) {
        this.useManifestOnlyJar = useManifestOnlyJar;
    }

    @Override
    public String getEncoding() {
        return encoding;
    }

    @Override
    public void setEncoding(String encoding) {
        this.encoding = encoding;
    }

    @Override
    public boolean getFailIfNoSpecifiedTests() {
        return failIfNoSpecifiedTests;
    }

    @Override
    public void setFailIfNoSpecifiedTests(boolean failIfNoSpecifiedTests) {
        this.failIfNoSpecifiedTests = failIfNoSpecifiedTests;
    }

    @Override
    public int getSkipAfterFailureCount() {
        return skipAfterFailureCount;
    }

    void setSkipAfterFailureCount(int skipAfterFailureCount) {
        this.skipAfterFailureCount = skipAfterFailureCount;
    }

    void setRerunFailingTestsCount(int rerunFailingTestsCount) {
        this.rerunFailingTestsCount = rerunFailingTestsCount;
    }

    @Override
    public String getShutdown() {
        return shutdown;
    }

    void setShutdown(String shutdown) {
        this.shutdown = shutdown;
    }

    @Override
    public String[] getIncludeJUnit5Engines() {
        return includeJUnit5Engines;
    }

    @Override
    public void setIncludeJUnit5Engines(String[] includeJUnit5Engines) {
        this.includeJUnit5Engines = includeJUnit5Engines;
    }

    @Override
    public String[] getExcludeJUnit5Engines() {
        return excludeJUnit5Engines;
    }

    @Override
    public void setExcludeJUnit5Engines(String[] excludeJUnit5Engines) {
        this.excludeJUnit5Engines = excludeJUnit5Engines;
    }

    @Override
    public int getFailOnFlakeCount() {
        return failOnFlakeCount;
    }

    @Override
    public void setFailOnFlakeCount(int failOnFlakeCount) {
        this.failOnFlakeCount = failOnFlakeCount;
    }

    @Override
    public String getRunOrder() {
        return runOrder;
    }

    @Override
    public void setRunOrder(String runOrder) {
        this.runOrder = runOrder;
    }

    @Override
    public Long getRunOrderRandomSeed() {
        return runOrderRandomSeed;
    }

    @Override
    public void setRunOrderRandomSeed(Long runOrderRandomSeed) {
        this.runOrderRandomSeed = runOrderRandomSeed;
    }

    @Override
    public String getRunOrderStatisticsFileChecksum() {
        return runOrderStatisticsFileChecksum;
    }

    @Override
    public void setRunOrderStatisticsFileChecksum(String runOrderStatisticsFileChecksum) {
        this.runOrderStatisticsFileChecksum = runOrderStatisticsFileChecksum;
    }

    @Override
    public File getIncludesFile() {
        return includesFile;
    }

    @Override
    public File getExcludesFile() {
        return excludesFile;
    }
}
