package dev.memprobe.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where a project switches on parallel execution, as the recording reads it to say its numbers are approximate. */
class ParallelSettingTest {

    @ParameterizedTest(name = "parallel={0}, parameters={1}, property={2}, file={3}: {4}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "-       | -                                                    | -     | -                                            | false",
                "methods | -                                                    | -     | -                                            | true",
                "none    | -                                                    | -     | -                                            | false",
                "-       | junit.jupiter.execution.parallel.enabled = true      | -     | -                                            | true",
                "-       | -                                                    | true  | -                                            | true",
                "-       | -                                                    | -     | junit.jupiter.execution.parallel.enabled=true | true",
                "-       | junit.jupiter.execution.parallel.enabled=false       | -     | junit.jupiter.execution.parallel.enabled=true | false",
                "-       | junit.jupiter.execution.parallel.mode.default=same_thread | - | -                                         | false",
            })
    void readsTheSwitchWhereTheFrameworkLooksForIt(
            String parallel, String parameters, String property, String file, boolean expected) {
        assertThat(ParallelSetting.of(parallel, parameters, property, file)).isEqualTo(expected);
    }
}
