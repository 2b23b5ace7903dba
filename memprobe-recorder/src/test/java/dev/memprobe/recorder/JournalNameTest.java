package dev.memprobe.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JournalNameTest {

    @ParameterizedTest
    @CsvSource({"n2, 2", "n12, 12", "'', 0", "n, 0", "n${surefire.forkNumber}, 0", "7, 7"})
    void readsTheForkNumberSurefireFilledIn(String value, String number) {
        assertThat(RecordOptions.forkNumber(value)).isEqualTo(number);
    }

    @ParameterizedTest
    @CsvSource({"fork1-pid4242-1700000000000.jsonl, 1, 4242, 1700000000000", "fork0-pid1-2.jsonl, 0, 1, 2"})
    void aJournalsNameSaysItsForkPidAndStart(String file, String fork, long pid, long start) {
        JournalName name = JournalName.parse(file);

        assertThat(name.fork()).isEqualTo(fork);
        assertThat(name.pid()).isEqualTo(pid);
        assertThat(name.start()).isEqualTo(start);
        assertThat(name.fileName()).isEqualTo(file);
    }

    @ParameterizedTest
    @CsvSource({"execution.json", "fork1.jsonl", "fork1-pidX-3.jsonl", "journal.jsonl"})
    void otherFilesAreNoJournals(String file) {
        assertThat(JournalName.parse(file)).isNull();
    }
}
