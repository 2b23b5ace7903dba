package dev.memprobe.junit4;

import org.apache.maven.surefire.api.testset.TestListResolver;
import org.junit.runner.Description;
import org.junit.runner.manipulation.Filter;

/** Surefire's {@code -Dtest=Class#method} patterns as a JUnit filter, as Surefire's JUnit 4 provider applies them. */
final class MethodFilter extends Filter {

    private final TestListResolver methods;

    private MethodFilter(TestListResolver methods) {
        this.methods = methods;
    }

    /** The filter of {@code resolver}'s method patterns, or null when it has none (every method runs). */
    static Filter of(TestListResolver resolver) {
        if (resolver == null || !resolver.hasMethodPatterns()) {
            return null;
        }
        TestListResolver methods = TestListResolver.optionallyWildcardFilter(resolver);
        return methods.isEmpty() || methods.isWildcard() ? null : new MethodFilter(methods);
    }

    @Override
    public boolean shouldRun(Description description) {
        if (description.isSuite()) {
            return true;
        }
        String[] names = JUnit4Events.names(description);
        return description.isTest()
                && names[1] != null
                && methods.shouldRun(TestListResolver.toClassFileName(names[0]), names[1]);
    }

    @Override
    public String describe() {
        return methods.toString();
    }
}
