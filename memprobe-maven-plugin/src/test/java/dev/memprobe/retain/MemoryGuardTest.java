package dev.memprobe.retain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MemoryGuardTest {

    @Test
    void aDumpIsReadWhenMavensHeapHoldsFortyFiveBytesForEachObjectItMayHold() {
        long file = 320L << 20; // at most 10 M objects: 450 MiB
        assertThat(new MemoryGuard(() -> 500L << 20).refuse(file)).isNull();
        assertThat(new MemoryGuard(() -> 400L << 20).refuse(file))
                .isEqualTo("not analysed: reading this 320 MiB dump needs up to 482 MiB of Maven's heap and 400 MiB"
                        + " are free; give Maven more (MAVEN_OPTS=-Xmx1g) or open the dump in a heap analyser");
    }

    @Test
    void beforeRefusingItCollectsWhatAnEarlierDumpLeftAsGarbage() {
        AtomicLong free = new AtomicLong(100L << 20);
        MemoryGuard guard = new MemoryGuard(free::get, () -> free.set(1L << 30));

        assertThat(guard.refuse(320L << 20)).isNull();
    }
}
