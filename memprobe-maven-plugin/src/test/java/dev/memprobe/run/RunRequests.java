package dev.memprobe.run;

import dev.memprobe.env.Environment;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

/** Run requests for tests: the goal's defaults, with what a test says. */
final class RunRequests {

    static final Instant STARTED = Instant.parse("2025-03-04T10:15:30Z");
    static final Environment MACHINE = new Environment(8L << 30, -1, "v2", 4);

    private RunRequests() {}

    static BisectOptions options(String maxHeap, String memoryLimit, String strategy, String parallel) {
        return BisectOptions.parse(
                maxHeap, memoryLimit, null, strategy, 3, false, 1, 50, false, null, false, parallel, null);
    }

    /** {@code classes} test classes named {@code a.Test1}, ... */
    static List<String> classes(int classes) {
        return IntStream.rangeClosed(1, classes).mapToObj(i -> "a.Test" + i).toList();
    }

    static RunRequest request(List<String> tests, BisectOptions options, Path output) {
        return request(tests, options, null, MACHINE, "3.6.1", null, output);
    }

    static RunRequest request(
            List<String> tests,
            BisectOptions options,
            Duration surefireTimeout,
            Environment machine,
            String surefire,
            String projectSurefire,
            Path output) {
        return new RunRequest(
                tests,
                options,
                new RunRequest.Project("com.acme:shop", "-ea", "filesystem", surefireTimeout, Collections.emptyList()),
                new RunRequest.Versions("0.1.0", surefire, projectSurefire, "3.9.9"),
                machine,
                output,
                null,
                STARTED);
    }
}
