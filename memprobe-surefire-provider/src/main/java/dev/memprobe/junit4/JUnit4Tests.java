package dev.memprobe.junit4;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.surefire.api.util.ScannerFilter;
import org.junit.Test;
import org.junit.runner.Description;
import org.junit.runner.RunWith;
import org.junit.runner.notification.RunListener;

/**
 * Which scanned classes are JUnit 4 tests, as Surefire's JUnit 4 provider decides: a concrete class that is a JUnit 3
 * {@code junit.framework.Test} (or has a static {@code suite()}), is annotated {@code @RunWith}, or has an
 * {@code @Test} method of its own or inherited.
 */
final class JUnit4Tests implements ScannerFilter {

    private final Class<?> junit3Test;

    JUnit4Tests(ClassLoader testClassLoader) {
        Class<?> test;
        try {
            test = Class.forName("junit.framework.Test", false, testClassLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            test = null;
        }
        this.junit3Test = test;
    }

    @Override
    public boolean accept(Class testClass) {
        int modifiers = testClass.getModifiers();
        if (Modifier.isAbstract(modifiers) || Modifier.isInterface(modifiers)) {
            return false;
        }
        if (junit3Test != null && junit3Test.isAssignableFrom(testClass)) {
            return true;
        }
        if (hasSuiteMethod(testClass) || testClass.getAnnotation(RunWith.class) != null) {
            return true;
        }
        for (Class<?> type = testClass; type != null; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                for (Annotation annotation : method.getAnnotations()) {
                    if (Test.class.isAssignableFrom(annotation.annotationType())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean hasSuiteMethod(Class<?> testClass) {
        try {
            Method suite = testClass.getMethod("suite");
            return Modifier.isStatic(suite.getModifiers());
        } catch (NoSuchMethodException | LinkageError e) {
            return false;
        }
    }

    /**
     * The tests a runner will run; 0 when a filter left none (JUnit then describes the class as one test named
     * {@code initializationError(org.junit.runner.manipulation.Filter)}, which Surefire does not run either).
     */
    static int countTests(Description description) {
        if (description.isSuite()) {
            int count = 0;
            for (Description child : description.getChildren()) {
                count += countTests(child);
            }
            return count;
        }
        if (!description.isTest() || Description.TEST_MECHANISM.equals(description)) {
            return 0;
        }
        String name = description.getDisplayName();
        return name == null
                        || name.trim().startsWith("initializationError0(org.junit.runner.manipulation.Filter)")
                        || name.trim().startsWith("initializationError(org.junit.runner.manipulation.Filter)")
                ? 0
                : 1;
    }

    /** The project's own JUnit listeners, named in Surefire's {@code listener} property (comma-separated). */
    static List<RunListener> customListeners(String names, ClassLoader testClassLoader) {
        List<RunListener> listeners = new ArrayList<>();
        if (names == null) {
            return listeners;
        }
        for (String name : names.split(",")) {
            String className = name.trim();
            if (className.isEmpty()) {
                continue;
            }
            try {
                listeners.add((RunListener) Class.forName(className, true, testClassLoader)
                        .getConstructor()
                        .newInstance());
            } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
                throw new IllegalStateException("the JUnit listener " + className + " (Surefire's listener property)"
                        + " cannot be created: " + e);
            }
        }
        return listeners;
    }
}
