package dev.memprobe.bisect;

/**
 * Runs one probe in a fresh fork under the configured limits. The engine's only port to the outside: Surefire in
 * production, a scripted fake in tests.
 */
public interface ForkRunner {

    /** Runs the probe to its end, however the fork ends. Never throws for a fork that dies. */
    ForkResult run(Probe probe);
}
