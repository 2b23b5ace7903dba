package dev.memprobe.maven;

import org.apache.maven.execution.AbstractExecutionListener;
import org.apache.maven.execution.ExecutionEvent;
import org.apache.maven.execution.ExecutionListener;

/**
 * Chained in front of Maven's own execution listener (the one that prints the build) when recording is on: every
 * event goes on to it unchanged. At the start of a recorded goal it lets Maven print the goal's header first, then
 * has the {@link ExecutionRecorder} add the recorder to the goal's configuration; at the goal's end the recorder's
 * post-mortem is printed before Maven hears of it, so it comes before Maven's {@code BUILD FAILURE} and its error.
 */
final class RecordingListener implements ExecutionListener {

    private final ExecutionListener delegate;
    private final ExecutionRecorder recorder;

    RecordingListener(ExecutionListener delegate, ExecutionRecorder recorder) {
        this.delegate = delegate == null ? new AbstractExecutionListener() : delegate;
        this.recorder = recorder;
    }

    /** Whether {@code listener} is one of these, from this realm or another one (a second copy of the extension). */
    static boolean isOne(ExecutionListener listener) {
        return listener != null && listener.getClass().getName().equals(RecordingListener.class.getName());
    }

    @Override
    public void mojoStarted(ExecutionEvent event) {
        delegate.mojoStarted(event);
        recorder.started(event);
    }

    @Override
    public void mojoSucceeded(ExecutionEvent event) {
        recorder.ended(event, false);
        delegate.mojoSucceeded(event);
    }

    @Override
    public void mojoFailed(ExecutionEvent event) {
        recorder.ended(event, true);
        delegate.mojoFailed(event);
    }

    @Override
    public void projectDiscoveryStarted(ExecutionEvent event) {
        delegate.projectDiscoveryStarted(event);
    }

    @Override
    public void sessionStarted(ExecutionEvent event) {
        delegate.sessionStarted(event);
    }

    @Override
    public void sessionEnded(ExecutionEvent event) {
        delegate.sessionEnded(event);
    }

    @Override
    public void projectSkipped(ExecutionEvent event) {
        delegate.projectSkipped(event);
    }

    @Override
    public void projectStarted(ExecutionEvent event) {
        delegate.projectStarted(event);
    }

    @Override
    public void projectSucceeded(ExecutionEvent event) {
        delegate.projectSucceeded(event);
    }

    @Override
    public void projectFailed(ExecutionEvent event) {
        delegate.projectFailed(event);
    }

    @Override
    public void mojoSkipped(ExecutionEvent event) {
        delegate.mojoSkipped(event);
    }

    @Override
    public void forkStarted(ExecutionEvent event) {
        delegate.forkStarted(event);
    }

    @Override
    public void forkSucceeded(ExecutionEvent event) {
        delegate.forkSucceeded(event);
    }

    @Override
    public void forkFailed(ExecutionEvent event) {
        delegate.forkFailed(event);
    }

    @Override
    public void forkedProjectStarted(ExecutionEvent event) {
        delegate.forkedProjectStarted(event);
    }

    @Override
    public void forkedProjectSucceeded(ExecutionEvent event) {
        delegate.forkedProjectSucceeded(event);
    }

    @Override
    public void forkedProjectFailed(ExecutionEvent event) {
        delegate.forkedProjectFailed(event);
    }
}
