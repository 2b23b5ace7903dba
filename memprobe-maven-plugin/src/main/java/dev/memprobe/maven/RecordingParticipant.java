package dev.memprobe.maven;

import org.apache.maven.AbstractMavenLifecycleParticipant;
import org.apache.maven.execution.ExecutionListener;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * memprobe as a build extension ({@code <extensions>true</extensions>} on the plugin, or {@code .mvn/extensions.xml}):
 * once the projects are read, and when recording is on ({@code -Dmemprobe.record}, or the property
 * {@code memprobe.record} in a project), chains the {@link RecordingListener} in front of Maven's listener. Declared
 * in {@code META-INF/plexus/components.xml}: Maven 3.6 and 3.8 ignore, without a word, a component of a Sisu index
 * whose class is Java 17 bytecode.
 */
public class RecordingParticipant extends AbstractMavenLifecycleParticipant {

    /** The user property, or project property, that switches recording on. */
    static final String SWITCH = "memprobe.record";

    private final Logger log = LoggerFactory.getLogger(RecordingParticipant.class);

    @Override
    public void afterProjectsRead(MavenSession session) {
        try {
            if (!anyOn(session)) {
                return;
            }
            ExecutionListener current = session.getRequest().getExecutionListener();
            if (RecordingListener.isOne(current)) {
                return; // the extension is declared twice (POM and .mvn/extensions.xml): one recording is enough
            }
            session.getRequest().setExecutionListener(new RecordingListener(current, new ExecutionRecorder(log)));
        } catch (Throwable t) {
            log.warn("memprobe: recording is off, it could not be set up: " + t);
        }
    }

    /** Whether recording is on for the build or for one of its projects. */
    private static boolean anyOn(MavenSession session) {
        if (session.getUserProperties().containsKey(SWITCH)) {
            return on(session.getUserProperties().getProperty(SWITCH));
        }
        for (MavenProject project : session.getProjects()) {
            if (on(project.getProperties().getProperty(SWITCH))) {
                return true;
            }
        }
        return false;
    }

    /** {@code -Dmemprobe.record} (empty or {@code true}) is on, {@code false} is off. */
    static boolean on(String value) {
        return value != null && (value.isBlank() || Boolean.parseBoolean(value.trim()));
    }

    /** Whether recording is on for {@code project}: the user's switch first, else the project's property. */
    static boolean on(MavenSession session, MavenProject project) {
        String user = session.getUserProperties().getProperty(SWITCH);
        return user != null ? on(user) : on(project.getProperties().getProperty(SWITCH));
    }
}
