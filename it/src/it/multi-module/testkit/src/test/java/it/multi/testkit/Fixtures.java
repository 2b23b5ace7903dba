package it.multi.testkit;

import java.util.List;

/** Shared test data; not a test class (Surefire's default includes do not match it). */
public final class Fixtures {

    private Fixtures() {}

    public static List<String> skus() {
        return List.of("A-1", "B-2", "C-3");
    }
}
