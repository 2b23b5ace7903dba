package dev.memprobe.maven;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.apache.maven.plugin.logging.Log;

/**
 * Maven's log with the module's name before every message. In a parallel reactor build ({@code -T}) Maven 3 prints
 * the lines of modules built at once interleaved and unmarked; memprobe's probe lines and verdicts would then not
 * say which module they belong to.
 */
final class ModuleLog {

    private ModuleLog() {}

    static Log of(Log log, String module) {
        String prefix = "[" + module + "] ";
        return (Log) Proxy.newProxyInstance(ModuleLog.class.getClassLoader(), new Class<?>[] {Log.class}, (p, m, a) -> {
            Object[] args = a;
            if (args != null && args.length > 0 && args[0] instanceof CharSequence text) {
                args = args.clone();
                args[0] = prefix + text;
            }
            try {
                return m.invoke(log, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}
