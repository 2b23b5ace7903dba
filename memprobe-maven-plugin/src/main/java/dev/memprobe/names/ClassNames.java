package dev.memprobe.names;

/** Test class names as people read them. */
public final class ClassNames {

    private ClassNames() {}

    /** The class name without its package: {@code com.acme.ImportTest} reads {@code ImportTest}. */
    public static String simple(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(dot + 1);
    }
}
