package dev.memprobe.journal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one classifier of {@code OutOfMemoryError}s that the fork and the plugin share. */
class OutOfMemoryTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "java.lang.OutOfMemoryError|Java heap space|HEAP",
                "java.lang.OutOfMemoryError|Requested array size exceeds VM limit|HEAP",
                "java.lang.OutOfMemoryError|null|HEAP",
                "java.lang.OutOfMemoryError|Metaspace|METASPACE",
                "java.lang.OutOfMemoryError|Compressed class space|METASPACE",
                "java.lang.OutOfMemoryError|PermGen space|METASPACE",
                "java.lang.OutOfMemoryError|Direct buffer memory|DIRECT_BUFFER",
                "java.lang.OutOfMemoryError|Cannot reserve 8192 bytes of direct buffer memory (allocated: 1)|DIRECT_BUFFER",
                "java.lang.OutOfMemoryError|unable to create native thread: possibly out of memory|NATIVE_THREAD",
                "java.lang.OutOfMemoryError|GC overhead limit exceeded|GC_OVERHEAD",
                "java.lang.StackOverflowError|null|null",
                "java.lang.AssertionError|java.lang.OutOfMemoryError: Java heap space|null",
                "null|Java heap space|null",
            })
    void tellsWhichMemoryRanOutFromTheMessage(String throwable, String message, OutOfMemory.Kind kind) {
        assertThat(OutOfMemory.kindOf(throwable, message)).isEqualTo(kind);
        assertThat(new Problem(throwable, message).memoryKind()).isEqualTo(kind);
    }

    @Test
    void onlyAnOutOfMemoryErrorOfTheHeapIsUndoneByACollection() {
        assertThat(OutOfMemory.collectable(new OutOfMemoryError("Java heap space")))
                .isTrue();
        assertThat(OutOfMemory.collectable(new OutOfMemoryError("GC overhead limit exceeded")))
                .isTrue();
        assertThat(OutOfMemory.collectable(new OutOfMemoryError("Requested array size exceeds VM limit")))
                .isTrue();
        assertThat(OutOfMemory.collectable(new RuntimeException("wrapped", new OutOfMemoryError("Java heap space"))))
                .isTrue();
        assertThat(OutOfMemory.collectable(new OutOfMemoryError("Metaspace"))).isFalse();
        assertThat(OutOfMemory.collectable(new OutOfMemoryError("Direct buffer memory")))
                .isFalse();
        assertThat(OutOfMemory.collectable(
                        new OutOfMemoryError("unable to create native thread: possibly out of memory")))
                .isFalse();
        assertThat(OutOfMemory.collectable(new OutOfMemoryError())).isFalse();
        assertThat(OutOfMemory.collectable(new StackOverflowError())).isFalse();
    }

    @Test
    void findsTheFirstOutOfMemoryErrorInTheCauseChain() {
        Problem found = OutOfMemory.find(new RuntimeException(new InternalError(new OutOfMemoryError("Metaspace"))));

        assertThat(found.throwable()).isEqualTo("java.lang.OutOfMemoryError");
        assertThat(found.message()).isEqualTo("Metaspace");
        assertThat(OutOfMemory.find(new IllegalStateException(new StackOverflowError())))
                .isNull();
    }

    @Test
    void findsAnOutOfMemoryErrorSwallowedByAClassInitializerInTheCauseMessage() {
        Throwable noClass =
                new NoClassDefFoundError("Could not initialize class org.junit.platform.commons.util.ExceptionUtils");
        noClass.initCause(new ExceptionInInitializerError(
                "Exception java.lang.OutOfMemoryError: Java heap space [in thread \"main\"]"));

        Problem found = OutOfMemory.find(noClass);

        assertThat(found.describe()).isEqualTo("java.lang.OutOfMemoryError: Java heap space");
        assertThat(OutOfMemory.find(new NoClassDefFoundError("Could not initialize class a.B")))
                .isNull();
    }

    @Test
    void aCauseChainWithACycleEndsTheSearch() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);

        assertThat(OutOfMemory.find(a)).isNull();
    }

    @Test
    void aProblemIsTheMemoryErrorBehindAThrowableElseTheThrowableItself() {
        assertThat(Problem.of(new IllegalStateException("task", new OutOfMemoryError("Java heap space")))
                        .describe())
                .isEqualTo("java.lang.OutOfMemoryError: Java heap space");
        assertThat(Problem.of(new AssertionError("expected 2")).describe())
                .isEqualTo("java.lang.AssertionError: expected 2");
        assertThat(Problem.of(new IllegalStateException()).describe()).isEqualTo("java.lang.IllegalStateException");
        assertThat(new Problem(null, "only a message").describe()).isEqualTo("only a message");
    }
}
