package it.phv;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Defines copies of a small class, each in a class loader of its own, the way plugin systems and scripts do. */
final class Classes {

    /** The class copied; its bytes are read from the test classpath. */
    public static final class Payload {
        public int value;

        public String greet() {
            return "hello " + value;
        }
    }

    private static final class IsolatedLoader extends ClassLoader {
        IsolatedLoader() {
            super(null);
        }

        Class<?> define(byte[] bytes) {
            return defineClass(Payload.class.getName(), bytes, 0, bytes.length);
        }
    }

    static List<Class<?>> defineCopies(int count) {
        byte[] bytes;
        String resource = "/" + Payload.class.getName().replace('.', '/') + ".class";
        try (InputStream in = Classes.class.getResourceAsStream(resource)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<Class<?>> copies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            copies.add(new IsolatedLoader().define(bytes));
        }
        return copies;
    }

    private Classes() {}
}
