package dev.memprobe.run;

import dev.memprobe.bisect.ForkRunner;

/**
 * Where a bisect's probes run: Surefire's forks in the goal, a scripted fake in tests. Opened once the output folder
 * is ready and the earlier run's probe folders are out of the way; closed when the search has ended.
 */
public interface Forks {

    /**
     * Opens the runner of the request's probes, for up to {@link RunRequest#forks()} forks at once.
     *
     * @throws Unavailable when the forks cannot be set up; its message is for the user
     */
    Open open(RunRequest request) throws Unavailable;

    /**
     * The runner of one bisect's probes; its runner throws {@link ProbeNotRun} for a probe that could not run at all.
     *
     * @param release gives back what opening took (instances of the goal, the hook that stops forks when Maven stops)
     */
    record Open(ForkRunner runner, Runnable release) implements AutoCloseable {

        @Override
        public void close() {
            release.run();
        }
    }

    /** The forks cannot be set up: memprobe cannot do its job. */
    final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A probe could not run at all (Surefire refused it: a configuration problem), which no death of a fork is. */
    final class ProbeNotRun extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ProbeNotRun(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
