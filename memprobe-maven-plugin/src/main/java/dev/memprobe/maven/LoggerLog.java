package dev.memprobe.maven;

import org.apache.maven.plugin.logging.Log;
import org.slf4j.Logger;

/** Maven's plugin {@link Log} over the SLF4J logger a build extension writes to (it has no goal's log). */
final class LoggerLog implements Log {

    private final Logger logger;

    LoggerLog(Logger logger) {
        this.logger = logger;
    }

    @Override
    public boolean isDebugEnabled() {
        return logger.isDebugEnabled();
    }

    @Override
    public void debug(CharSequence content) {
        logger.debug(String.valueOf(content));
    }

    @Override
    public void debug(CharSequence content, Throwable error) {
        logger.debug(String.valueOf(content), error);
    }

    @Override
    public void debug(Throwable error) {
        logger.debug(String.valueOf(error), error);
    }

    @Override
    public boolean isInfoEnabled() {
        return logger.isInfoEnabled();
    }

    @Override
    public void info(CharSequence content) {
        logger.info(String.valueOf(content));
    }

    @Override
    public void info(CharSequence content, Throwable error) {
        logger.info(String.valueOf(content), error);
    }

    @Override
    public void info(Throwable error) {
        logger.info(String.valueOf(error), error);
    }

    @Override
    public boolean isWarnEnabled() {
        return logger.isWarnEnabled();
    }

    @Override
    public void warn(CharSequence content) {
        logger.warn(String.valueOf(content));
    }

    @Override
    public void warn(CharSequence content, Throwable error) {
        logger.warn(String.valueOf(content), error);
    }

    @Override
    public void warn(Throwable error) {
        logger.warn(String.valueOf(error), error);
    }

    @Override
    public boolean isErrorEnabled() {
        return logger.isErrorEnabled();
    }

    @Override
    public void error(CharSequence content) {
        logger.error(String.valueOf(content));
    }

    @Override
    public void error(CharSequence content, Throwable error) {
        logger.error(String.valueOf(content), error);
    }

    @Override
    public void error(Throwable error) {
        logger.error(String.valueOf(error), error);
    }
}
