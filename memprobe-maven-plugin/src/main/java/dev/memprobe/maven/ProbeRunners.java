package dev.memprobe.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MavenPluginManager;
import org.apache.maven.plugin.Mojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The goal's instances that run probes: the one Maven started, and, for forks that run at the same time, more of
 * the same goal configured from the same execution. Surefire's mojo keeps a run's state in its fields, so two forks
 * at once need two instances.
 */
final class ProbeRunners implements AutoCloseable {

    /** Prepares an instance as the goal prepared itself: the project's Surefire configuration, the probe's shape. */
    interface Preparation {
        void prepare(BisectMojo instance) throws MojoExecutionException;
    }

    private final MavenPluginManager plugins;
    private final MojoExecution execution;
    private final List<SurefireMojoSupport> instances = new ArrayList<>();
    private final List<Object> borrowed = new ArrayList<>();

    private ProbeRunners(MavenPluginManager plugins, MojoExecution execution) {
        this.plugins = plugins;
        this.execution = execution;
    }

    static ProbeRunners of(
            BisectMojo first,
            int count,
            MavenPluginManager plugins,
            MavenSession session,
            MojoExecution execution,
            Preparation preparation)
            throws MojoExecutionException {
        ProbeRunners runners = new ProbeRunners(plugins, execution);
        runners.instances.add(first);
        try {
            for (int i = 1; i < count; i++) {
                Mojo mojo = plugins.getConfiguredMojo(Mojo.class, session, execution);
                runners.borrowed.add(mojo);
                BisectMojo instance = (BisectMojo) mojo;
                instance.setLog(first.getLog());
                preparation.prepare(instance);
                runners.instances.add(instance);
            }
        } catch (MojoExecutionException e) {
            runners.close();
            throw e;
        } catch (Exception e) {
            runners.close();
            throw new MojoExecutionException(
                    "memprobe cannot start a second runner of probes (" + e.getMessage()
                            + "); run with -Dmemprobe.parallelProbes=1",
                    e);
        }
        return runners;
    }

    List<SurefireMojoSupport> instances() {
        return List.copyOf(instances);
    }

    @Override
    public void close() {
        for (Object mojo : borrowed) {
            plugins.releaseMojo(mojo, execution);
        }
        borrowed.clear();
    }
}
