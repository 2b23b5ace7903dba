package dev.memprobe.bisect;

/**
 * How a fork that did not finish its run ended.
 *
 * @param exitCode the process exit code, when known
 * @param inFlightClass the class running when it died, null when none was
 * @param inFlightMethod the test method running when it died, null when none was
 * @param evidence what proves the cause, in words
 */
public record Death(Cause cause, Integer exitCode, String inFlightClass, String inFlightMethod, String evidence) {}
