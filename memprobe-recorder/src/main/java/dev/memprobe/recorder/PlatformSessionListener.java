package dev.memprobe.recorder;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Opens the fork's {@link Recorder} as soon as the JUnit Platform opens its launcher session (Platform 1.8 and later),
 * before the tests are discovered: the meters then start beside the discovery rather than before the first class, and
 * the platform is the framework that speaks for the fork (see {@link Recorder#platformSession()}). Older launchers
 * never load this service; the recorder then opens with the first event.
 */
public final class PlatformSessionListener implements LauncherSessionListener {

    /** Made by the launcher from the service file. Never throws. */
    public PlatformSessionListener() {}

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        try {
            Recorder.get().platformSession();
        } catch (Throwable t) {
            // recording is best effort
        }
    }
}
