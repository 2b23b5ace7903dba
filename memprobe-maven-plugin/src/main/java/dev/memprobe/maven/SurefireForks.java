package dev.memprobe.maven;

import dev.memprobe.fork.ProcessControl;
import dev.memprobe.run.Forks;
import dev.memprobe.run.RunRequest;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * A bisect's forks, through Surefire: the goal's instances ({@link ProbeRunners}), each probe run by a
 * {@link SurefireForkRunner} with the request's settings, and every fork still running stopped should Maven stop
 * ({@link ForkReaper}).
 */
final class SurefireForks implements Forks {

    /** Opens the goal's instances: the one Maven started, and more of it for forks that run at the same time. */
    @FunctionalInterface
    interface Instances {
        ProbeRunners open(int count) throws MojoExecutionException;
    }

    private final Instances instances;
    private final ProcessControl control;

    SurefireForks(Instances instances, ProcessControl control) {
        this.instances = instances;
        this.control = control;
    }

    @Override
    public Open open(RunRequest request) throws Unavailable {
        ForkReaper reaper = new ForkReaper(control);
        ProbeRunners runners = null;
        try {
            runners = instances.open(request.forks());
        } catch (MojoExecutionException e) {
            throw new Unavailable(e.getMessage(), e);
        } finally {
            if (runners == null) {
                reaper.close();
            }
        }
        ProbeRunners opened = runners;
        SurefireForkRunner runner =
                new SurefireForkRunner(opened.instances(), SurefireForkRunner.Settings.of(request), reaper, control);
        return new Open(runner, () -> {
            opened.close();
            reaper.close();
        });
    }
}
