package dev.memprobe.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ForkProviderTest {

    private static final Map<String, String> JUNIT4 = Map.of("junit:junit", "4.13.2");

    @Test
    void runsJUnit4WithMemprobesRunnerWhenTheProjectsSurefireRunsItWithItsJUnit4Provider() {
        ForkProvider provider = ForkProvider.choose("auto", "3.5.2", Set.of(), JUNIT4, false, false, true);

        assertThat(provider.junit4()).isTrue();
        assertThat(provider.id()).isEqualTo("memprobe-junit4");
        assertThat(provider.why()).contains("Surefire 3.5.2 runs its tests with its JUnit 4 provider");
    }

    @Test
    void runsThroughTheJUnitPlatformWhenTheProjectsSurefireDoes() {
        assertThat(ForkProvider.choose("auto", "3.6.1", Set.of(), JUNIT4, false, false, true)
                        .junit4())
                .isFalse();
        Map<String, String> vintage =
                Map.of("junit:junit", "4.13.2", "org.junit.platform:junit-platform-commons", "1.11.4");
        assertThat(ForkProvider.choose("auto", "3.5.2", Set.of(), vintage, false, false, true)
                        .id())
                .isEqualTo("surefire-junit-platform");
        assertThat(ForkProvider.choose(
                                "auto", "3.5.2", Set.of(), Map.of("org.testng:testng", "7.10.2"), false, false, true)
                        .junit4())
                .isFalse();
    }

    @Test
    void leavesCategoriesToTheJUnitPlatformButRunsAParallelProjectOneTestAtATime() {
        assertThat(ForkProvider.choose("auto", "3.5.2", Set.of(), JUNIT4, true, false, true)
                        .why())
                .contains("categories");
        assertThat(ForkProvider.choose("auto", "3.5.2", Set.of(), JUNIT4, false, true, true)
                        .junit4())
                .isTrue();
    }

    @Test
    void theUserCanAskForThePinnedSurefiresProvider() {
        ForkProvider provider = ForkProvider.choose("surefire", "3.5.2", Set.of(), JUNIT4, false, false, true);

        assertThat(provider.junit4()).isFalse();
        assertThat(provider.why()).contains("memprobe.provider=surefire");
    }

    @Test
    void needsTheTestsClassLoaderToBeTheSystemOne() {
        ForkProvider provider = ForkProvider.choose("auto", "3.5.2", Set.of(), JUNIT4, false, false, false);

        assertThat(provider.junit4()).isFalse();
        assertThat(provider.why()).contains("useSystemClassLoader=false");
    }

    @Test
    void aProviderDeclaredOnTheProjectsSurefireDecides() {
        assertThat(ForkProvider.choose(
                                "auto",
                                "3.5.2",
                                Set.of("org.apache.maven.surefire:surefire-junit-platform"),
                                JUNIT4,
                                false,
                                false,
                                true)
                        .junit4())
                .isFalse();
    }
}
