package dev.memprobe.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The provider Surefire picks, as the extension guesses it to decide whether to name the JUnit 4 listener. */
class ProviderGuessTest {

    private static final Map<String, String> JUNIT4 =
            Map.of("junit:junit", "4.13.2", "org.hamcrest:hamcrest-core", "1.3");

    @Test
    void fromSurefire36TheJUnitPlatformRunsEverything() {
        assertThat(ProviderGuess.of("3.6.1", Set.of(), JUNIT4, false)).isEqualTo(ProviderGuess.JUNIT_PLATFORM);
        assertThat(ProviderGuess.of("3.6.0-M1", Set.of(), JUNIT4, false).needsListener())
                .isFalse();
    }

    @Test
    void beforeSurefire36JUnit4RunsOnItsOwnProviderWhichNeedsTheListener() {
        assertThat(ProviderGuess.of("3.5.4", Set.of(), JUNIT4, false)).isEqualTo(ProviderGuess.JUNIT4);
        assertThat(ProviderGuess.of("3.0.0", Set.of(), JUNIT4, true)).isEqualTo(ProviderGuess.JUNIT47);
        assertThat(ProviderGuess.JUNIT47.needsListener()).isTrue();
    }

    @Test
    void thePlatformWinsWhenItsCommonsAreOnTheClasspath() {
        Map<String, String> vintage =
                Map.of("junit:junit", "4.13.2", "org.junit.platform:junit-platform-commons", "1.10.2");

        assertThat(ProviderGuess.of("3.5.4", Set.of(), vintage, false)).isEqualTo(ProviderGuess.JUNIT_PLATFORM);
    }

    @Test
    void testngComesBeforeJUnit4AndNeverGetsTheListener() {
        Map<String, String> both = Map.of("junit:junit", "4.13.2", "org.testng:testng", "7.5.1");

        assertThat(ProviderGuess.of("3.2.5", Set.of(), both, false)).isEqualTo(ProviderGuess.TESTNG);
        assertThat(ProviderGuess.TESTNG.needsListener()).isFalse();
    }

    @Test
    void aProviderDeclaredOnThePluginIsTheOne() {
        assertThat(ProviderGuess.of("3.5.4", Set.of("org.apache.maven.surefire:surefire-junit47"), JUNIT4, false))
                .isEqualTo(ProviderGuess.JUNIT47);
    }

    @Test
    void withoutAFrameworkThereIsNone() {
        assertThat(ProviderGuess.of("3.5.4", Set.of(), Map.of(), false)).isEqualTo(ProviderGuess.NONE);
        assertThat(ProviderGuess.of("3.5.4", Set.of(), Map.of("junit:junit", "3.8.2"), false))
                .isEqualTo(ProviderGuess.NONE);
    }

    @Test
    void theRecordingKnowsSurefire30To36AndWarnsOfTheOthers() {
        assertThat(List.of("3.0.0", "3.0.0-M9", "3.2.5", "3.5.4", "3.6.1")).allMatch(ProviderGuess::known);
        assertThat(List.of("2.22.2", "3.7.0", "4.0.0-beta-1", "unknown")).noneMatch(ProviderGuess::known);
    }
}
