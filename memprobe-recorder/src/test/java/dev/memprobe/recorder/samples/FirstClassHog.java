package dev.memprobe.recorder.samples;

import dev.memprobe.recorder.Recorder;
import dev.memprobe.recorder.Recorder.Source;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A test JVM whose first class fills the heap before any of its tests, as a {@code @BeforeAll} hog does under the
 * JUnit Platform: the platform's events up to the class's start, then an {@code OutOfMemoryError} that nothing
 * catches, with the heap still held by a static field.
 */
public final class FirstClassHog {

    static final List<byte[]> HELD = new ArrayList<>();

    private FirstClassHog() {}

    public static void main(String[] args) {
        Recorder recorder = Recorder.get();
        recorder.platformSession();
        recorder.runStarted(Source.PLATFORM);
        recorder.plan(Source.PLATFORM, Arrays.asList("it.BoomTest", "it.AlphaTest"));
        recorder.classStarted(Source.PLATFORM, "it.BoomTest");
        while (true) {
            HELD.add(new byte[1 << 20]);
        }
    }
}
