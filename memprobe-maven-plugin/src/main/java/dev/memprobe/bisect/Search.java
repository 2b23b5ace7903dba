package dev.memprobe.bisect;

/**
 * One {@link Strategy}'s walk through the suite, over an {@link Investigation}: which classes to run next, and which
 * failures to hand to a {@link Diagnosis}. What it finds is the investigation's.
 */
interface Search {

    void run();
}
