package dev.memprobe.bisect;

/** Hears about every probe while the search runs: the console's one line per probe. */
public interface ProgressListener {

    ProgressListener NONE = new ProgressListener() {};

    default void probeStarting(Probe probe) {}

    default void probeFinished(ForkResult result) {}
}
