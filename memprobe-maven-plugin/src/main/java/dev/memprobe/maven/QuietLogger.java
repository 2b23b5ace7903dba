package dev.memprobe.maven;

import java.lang.reflect.Proxy;
import org.apache.maven.plugin.logging.Log;
import org.slf4j.helpers.MessageFormatter;

/**
 * An SLF4J logger that sends every level to Maven's debug log. Surefire's own console output (a line per class,
 * fork warnings) would bury memprobe's one line per probe; with {@code -X} it is all still there.
 */
final class QuietLogger {

    private QuietLogger() {}

    static org.slf4j.Logger of(Log log) {
        return (org.slf4j.Logger) Proxy.newProxyInstance(
                QuietLogger.class.getClassLoader(), new Class<?>[] {org.slf4j.Logger.class}, (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.startsWith("is") && name.endsWith("Enabled")) {
                        return log.isDebugEnabled();
                    }
                    if (name.equals("getName")) {
                        return "memprobe.surefire";
                    }
                    if (method.getReturnType() == void.class && args != null && log.isDebugEnabled()) {
                        log.debug("[surefire] " + format(args));
                    }
                    if (name.equals("hashCode")) {
                        return System.identityHashCode(proxy);
                    }
                    if (name.equals("equals")) {
                        return proxy == args[0];
                    }
                    if (name.equals("toString")) {
                        return "QuietLogger";
                    }
                    return null;
                });
    }

    private static String format(Object[] args) {
        int start = args.length > 0 && args[0] instanceof org.slf4j.Marker ? 1 : 0;
        if (start >= args.length || !(args[start] instanceof String pattern)) {
            return "";
        }
        Object[] rest = new Object[args.length - start - 1];
        System.arraycopy(args, start + 1, rest, 0, rest.length);
        if (rest.length == 1 && rest[0] instanceof Object[] varargs) {
            rest = varargs;
        }
        Throwable thrown = rest.length > 0 && rest[rest.length - 1] instanceof Throwable t ? t : null;
        String message = MessageFormatter.arrayFormat(pattern, rest).getMessage();
        return thrown == null ? message : message + " (" + thrown + ")";
    }
}
