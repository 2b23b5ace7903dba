package dev.memprobe.bisect;

import static dev.memprobe.bisect.SimulatedClass.mib;
import static dev.memprobe.bisect.SimulatedClass.plain;

/** Suites that several engine tests share. */
final class BisectEngineTestSuites {

    private BisectEngineTestSuites() {}

    /** P1, P2 and P3 keep 60 MiB each among 30 plain classes; V needs 100 MiB: it dies after all three, not two. */
    static SimulatedSuite threePolluters() {
        return SimulatedSuite.builder()
                .plain("T", 1, 5)
                .add(plain("P1").leaks(mib(60)))
                .plain("T", 6, 12)
                .add(plain("P2").leaks(mib(60)))
                .plain("T", 13, 20)
                .add(plain("P3").leaks(mib(60)))
                .plain("T", 21, 30)
                .add(plain("V").needs(mib(100)))
                .build();
    }
}
