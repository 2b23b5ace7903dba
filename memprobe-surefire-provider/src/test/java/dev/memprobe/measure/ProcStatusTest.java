package dev.memprobe.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProcStatusTest {

    private static final String STATUS = "Name:\tjava\n"
            + "Umask:\t0022\n"
            + "VmPeak:\t 5016528 kB\n"
            + "VmHWM:\t  123456 kB\n"
            + "VmRSS:\t   98765 kB\n"
            + "RssAnon:\t   90000 kB\n"
            + "Threads:\t17\n";

    static List<Arguments> fields() {
        return List.of(
                Arguments.of(STATUS, "VmRSS:", 98_765L * 1024),
                Arguments.of(STATUS, "VmHWM:", 123_456L * 1024),
                Arguments.of(STATUS, "RssAnon:", 90_000L * 1024),
                Arguments.of(STATUS, "VmSwap:", -1L),
                Arguments.of("VmRSS:\t 42 kB\n", "VmRSS:", 42L * 1024),
                Arguments.of("Name:\tjava\nVmRSS:\t 42 kB", "VmRSS:", 42L * 1024),
                Arguments.of("Name:\tXVmRSS:\t 7 kB\nVmRSS:\t 42 kB\n", "VmRSS:", 42L * 1024),
                Arguments.of("VmRSS:\t kB\nVmHWM:\t 5 kB\n", "VmRSS:", -1L),
                Arguments.of("VmRSS:\t 0 kB\n", "VmRSS:", 0L),
                Arguments.of("", "VmRSS:", -1L),
                Arguments.of("VmRSS", "VmRSS:", -1L));
    }

    @ParameterizedTest
    @MethodSource("fields")
    void parsesAFieldOfProcStatusInBytes(String text, String field, long bytes) {
        byte[] raw = text.getBytes(StandardCharsets.US_ASCII);

        assertThat(ProcStatus.parseKilobytes(raw, raw.length, field)).isEqualTo(bytes);
    }

    @Test
    void readsOnlyTheBytesTheBufferWasFilledWith() {
        byte[] buffer = new byte[64];
        byte[] text = "VmRSS:\t 12 kB\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, buffer, 0, text.length);
        byte[] stale = "VmHWM:\t 99 kB\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(stale, 0, buffer, text.length, stale.length);

        assertThat(ProcStatus.parseKilobytes(buffer, text.length, "VmHWM:")).isEqualTo(-1);
        assertThat(ProcStatus.parseKilobytes(buffer, "VmRSS:\t 1".length(), "VmRSS:"))
                .as("a value cut off by the buffer's end")
                .isEqualTo(1024);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void readsPlausibleResidentSizesOfThisJvm() {
        ProcStatus proc = new ProcStatus();

        long rss = proc.rss();
        long peak = proc.rssPeak();

        assertThat(proc.available()).isTrue();
        assertThat(rss).isBetween(8L << 20, 1L << 40);
        assertThat(peak).isGreaterThanOrEqualTo(rss).isLessThan(1L << 40);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void resettingThePeakForgetsMemoryAlreadyGivenBack() throws Exception {
        ProcStatus proc = new ProcStatus();
        int size = 96 << 20;
        ByteBuffer block = ByteBuffer.allocateDirect(size);
        for (int i = 0; i < size; i += 4096) {
            block.put(i, (byte) 1); // touch every page, so it is resident
        }
        long peakWithBlock = proc.rssPeak();
        free(block);
        assumeTrue(proc.rss() < peakWithBlock - (size / 2), "the freed block left the resident set");

        assertThat(proc.resetPeak()).isTrue();

        long rss = proc.rss();
        long peak = proc.rssPeak();
        assertThat(peak).isGreaterThanOrEqualTo(rss).isLessThan(peakWithBlock - (size / 2));
    }

    private static void free(ByteBuffer direct) throws ReflectiveOperationException {
        Class<?> unsafeType = Class.forName("sun.misc.Unsafe");
        Field theUnsafe = unsafeType.getDeclaredField("theUnsafe");
        theUnsafe.setAccessible(true);
        unsafeType.getMethod("invokeCleaner", ByteBuffer.class).invoke(theUnsafe.get(null), direct);
    }
}
