package dev.memprobe.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShardTest {

    private static final List<String> SUITE = IntStream.rangeClosed(1, 40)
            .mapToObj(i -> "com.acme." + (char) ('A' + i % 26) + "Module" + i + "Test")
            .toList();

    @ParameterizedTest(name = "{0} is shard {1} of {2}")
    @CsvSource({"1/1, 1, 1", "2/3, 2, 3", "3/3, 3, 3", " 4 / 12 , 4, 12"})
    void parsesIOfN(String value, int index, int total) {
        assertThat(Shard.parse("memprobe.shard", value)).isEqualTo(new Shard(index, total));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "3/2 | memprobe.shard=3/2: there is no shard 3 of 2, use 1/2 to 2/2",
                "0/4 | memprobe.shard=0/4: shards count from 1, so use 1/4 to 4/4",
                "1/0 | memprobe.shard=1/0 asks for 0 shards: there must be at least 1 (e.g. 1/3)",
                "a/b | memprobe.shard=a/b is not a shard: write i/n, shard i of n counted from 1 (e.g."
                        + " memprobe.shard=2/3)",
                "2 | memprobe.shard=2 is not a shard",
                "-1/3 | memprobe.shard=-1/3 is not a shard",
                "1/3/5 | memprobe.shard=1/3/5 is not a shard",
                "99999999999/3 | memprobe.shard=99999999999/3 is not a shard",
            })
    void rejectsWhatIsNotAShardWithAOneLineFix(String value, String message) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Shard.parse("memprobe.shard", value))
                .withMessageStartingWith(message)
                .withMessageNotContaining("\n");
    }

    @Test
    void rejectsAnEmptyValue() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Shard.parse("memprobe.shard", ""))
                .withMessageStartingWith("memprobe.shard= is not a shard");
    }

    @ParameterizedTest(name = "{0} shards")
    @CsvSource({"1", "2", "3", "7", "40", "41"})
    void putsEveryClassInExactlyOneShard(int shards) {
        List<String> seen = new ArrayList<>();
        for (int i = 1; i <= shards; i++) {
            seen.addAll(new Shard(i, shards).select(SUITE, Map.of()).classes());
        }

        assertThat(seen).containsExactlyInAnyOrderElementsOf(SUITE);
    }

    @Test
    void keepsTheOrderOfTheTestSetWithinAShard() {
        List<String> mine = new Shard(2, 3).select(SUITE, Map.of()).classes();

        assertThat(mine).isSortedAccordingTo((a, b) -> SUITE.indexOf(a) - SUITE.indexOf(b));
    }

    @Test
    void cutsTheSamePartitionWhateverOrderTheClassesComeIn() {
        List<String> shuffled = new ArrayList<>(SUITE);
        Collections.shuffle(shuffled, new Random(7));
        Map<String, Shard.Cost> costs = costs(Map.of("com.acme.BModule1Test", 900L, "com.acme.CModule2Test", 20L));

        for (int i = 1; i <= 3; i++) {
            Shard shard = new Shard(i, 3);
            assertThat(shard.select(shuffled, costs).classes())
                    .containsExactlyInAnyOrderElementsOf(
                            shard.select(SUITE, costs).classes());
        }
    }

    @Test
    void placesClassesByAHashThatDoesNotDependOnTheJvm() {
        // the first 8 bytes of SHA-256 (as `printf %s NAME | sha256sum` prints it): pinned, so that changing the hash,
        // which moves classes between the shards of jobs running different memprobe versions, is a visible decision
        assertThat(Shard.hash("com.acme.FooTest")).isEqualTo(0xdf011a689353a9afL);
        assertThat(Shard.hash("a")).isEqualTo(0xca978112ca1bbdcaL);
    }

    @Test
    void dealsClassesWithoutCostsSoThatShardSizesDifferByAtMostOne() {
        for (int shards = 1; shards <= SUITE.size(); shards++) {
            int[] sizes = new int[shards];
            for (int i = 1; i <= shards; i++) {
                sizes[i - 1] =
                        new Shard(i, shards).select(SUITE, Map.of()).classes().size();
            }
            int min = IntStream.of(sizes).min().orElseThrow();
            int max = IntStream.of(sizes).max().orElseThrow();
            assertThat(max - min).as("sizes of %d shards", shards).isLessThanOrEqualTo(1);
            assertThat(min).as("smallest of %d shards", shards).isPositive();
        }
    }

    @Test
    void balancesASkewedSuiteWithinFourThirdsOfTheBestByTimeAndHeap() {
        // one heavy import, a few medium classes and many small ones, as real suites are
        Map<String, Shard.Cost> costs = new HashMap<>();
        List<String> suite = new ArrayList<>();
        Random random = new Random(42);
        for (int i = 0; i < 60; i++) {
            String name = "com.acme.Class" + i + "Test";
            suite.add(name);
            long millis = i == 0 ? 60_000 : i < 6 ? 12_000 : 200 + random.nextInt(800);
            long heap = (i == 3 ? 900L : i < 6 ? 150L : 8L + random.nextInt(24)) << 20;
            costs.put(name, new Shard.Cost(millis, heap));
        }
        int shards = 4;
        double totalTime =
                costs.values().stream().mapToLong(Shard.Cost::durationMs).sum();
        double totalHeap =
                costs.values().stream().mapToLong(Shard.Cost::heapBytes).sum();

        double largest = 0;
        double[] load = new double[shards];
        for (int i = 1; i <= shards; i++) {
            for (String name : new Shard(i, shards).select(suite, costs).classes()) {
                Shard.Cost c = costs.get(name);
                double w = c.durationMs() / totalTime + c.heapBytes() / totalHeap;
                load[i - 1] += w;
                largest = Math.max(largest, w);
            }
        }
        double average = 2.0 / shards; // time shares and heap shares each add up to 1
        double bound = Math.max(average, largest) * 4 / 3;

        assertThat(java.util.stream.DoubleStream.of(load).max().orElseThrow()).isLessThanOrEqualTo(bound);
        // a deal by name hash alone puts the heavy classes where they fall: here it is well off balance
        assertThat(maxLoadByHashAlone(suite, costs, shards, totalTime, totalHeap))
                .isGreaterThan(IntStream.range(0, shards)
                        .mapToDouble(i -> load[i])
                        .max()
                        .orElseThrow());
    }

    @Test
    void placesClassesTheEarlierReportDoesNotKnowByHashAndStillFillsEveryShard() {
        List<String> suite = List.of("com.acme.OldHeavyTest", "com.acme.NewOneTest", "com.acme.NewTwoTest");
        Map<String, Shard.Cost> costs = costs(Map.of("com.acme.OldHeavyTest", 5_000L));

        List<Shard.Selection> selections = IntStream.rangeClosed(1, 3)
                .mapToObj(i -> new Shard(i, 3).select(suite, costs))
                .toList();

        assertThat(selections).allSatisfy(s -> assertThat(s.classes()).hasSize(1));
        assertThat(selections.stream().mapToInt(Shard.Selection::placedByCost).sum())
                .isEqualTo(1);
        assertThat(selections.stream().mapToInt(Shard.Selection::placedByHash).sum())
                .isEqualTo(2);
    }

    @Test
    void leavesAShardEmptyOnlyWhenThereAreMoreShardsThanClasses() {
        List<String> two = List.of("com.acme.ATest", "com.acme.BTest");

        assertThat(new Shard(3, 3).select(two, Map.of()).classes()).isEmpty();
        assertThat(new Shard(1, 3).select(two, Map.of()).classes()).hasSize(1);
        assertThat(new Shard(2, 3).select(two, Map.of()).classes()).hasSize(1);
    }

    @Test
    void printsAsIOfN() {
        assertThat(new Shard(2, 5)).hasToString("2/5");
    }

    private static Map<String, Shard.Cost> costs(Map<String, Long> millis) {
        Map<String, Shard.Cost> costs = new HashMap<>();
        millis.forEach((name, ms) -> costs.put(name, new Shard.Cost(ms, -1)));
        return costs;
    }

    private static double maxLoadByHashAlone(
            List<String> suite, Map<String, Shard.Cost> costs, int shards, double totalTime, double totalHeap) {
        double[] load = new double[shards];
        for (int i = 1; i <= shards; i++) {
            for (String name : new Shard(i, shards).select(suite, Map.of()).classes()) {
                Shard.Cost c = costs.get(name);
                load[i - 1] += c.durationMs() / totalTime + c.heapBytes() / totalHeap;
            }
        }
        return IntStream.range(0, shards).mapToDouble(i -> load[i]).max().orElseThrow();
    }
}
