package dev.memprobe.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class ThisJvmTest {

    @Test
    void thePidIsTheProcessesOwnWhereverItIsReadFrom() {
        assertThat(ThisJvm.pid()).isEqualTo(ProcessHandle.current().pid());
    }

    @Test
    void theStartIsTheRuntimesStart() {
        assertThat(ThisJvm.startTime())
                .isEqualTo(ManagementFactory.getRuntimeMXBean().getStartTime());
    }
}
