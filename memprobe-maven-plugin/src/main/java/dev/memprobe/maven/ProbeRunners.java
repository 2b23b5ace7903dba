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
        } catch (Exception | LinkageError e) {
            // Maven 4 hands out no instance of a goal outside that goal's own execution scope: one at a time then
            first.getLog()
                    .info("memprobe: this Maven gives memprobe no second instance of its goal (" + firstLine(e)
                            + "); forks run one at a time");
            runners.releaseBorrowed();
            runners.instances.subList(1, runners.instances.size()).clear();
        }
        return runners;
    }

    List<SurefireMojoSupport> instances() {
        return List.copyOf(instances);
    }

    @Override
    public void close() {
        releaseBorrowed();
    }

    private void releaseBorrowed() {
        for (Object mojo : borrowed) {
            try {
                plugins.releaseMojo(mojo, execution);
            } catch (RuntimeException e) {
                // releasing is housekeeping: the instance is dropped either way
            }
        }
        borrowed.clear();
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
