package it.par;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.runner.Description;
import org.junit.runner.Result;
import org.junit.runner.notification.RunListener;

/** The project's own listener: counts the tests it hears and the threads they ran on, and writes them down. */
public class CountingListener extends RunListener {
    private final AtomicInteger finished = new AtomicInteger();
    private final Set<String> threads = ConcurrentHashMap.newKeySet();

    @Override
    public void testFinished(Description description) {
        finished.incrementAndGet();
        threads.add(Thread.currentThread().getName());
    }

    @Override
    public void testRunFinished(Result result) throws IOException {
        Files.createDirectories(Paths.get("target"));
        Files.write(
                Paths.get("target/user-listener.txt"),
                ("finished=" + finished.get() + "\nthreads=" + threads.size() + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
