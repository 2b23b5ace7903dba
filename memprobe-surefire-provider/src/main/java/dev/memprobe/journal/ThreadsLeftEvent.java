package dev.memprobe.journal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code threads-left}: the threads a class the plugin asked about started and left running, seen at its end (or at
 * its memory error): a thread that runs on keeps what it references, and a JVM can start only so many.
 */
public final class ThreadsLeftEvent extends JournalEvent {

    /** How many threads a line lists at most; {@link #count()} counts them all. */
    public static final int LISTED = 50;

    /** One thread still alive. */
    public static final class LiveThread {
        private final String name;
        private final boolean daemon;
        private final String state;
        private final String runs;
        private final String startedBy;

        /** @param runs the first frame from the bottom of its stack that is not the JDK's: the code it runs */
        public LiveThread(String name, boolean daemon, String state, String runs) {
            this(name, daemon, state, runs, null);
        }

        /**
         * @param startedBy the first frame that is not the JDK's on the stack that called {@code Thread.start()}, or
         *     null when the fork could not tell (no Flight Recorder)
         */
        public LiveThread(String name, boolean daemon, String state, String runs, String startedBy) {
            this.name = String.valueOf(name);
            this.daemon = daemon;
            this.state = state;
            this.runs = runs;
            this.startedBy = startedBy;
        }

        public String name() {
            return name;
        }

        public boolean daemon() {
            return daemon;
        }

        /** {@code RUNNABLE}, {@code WAITING}, ...; or null. */
        public String state() {
            return state;
        }

        /** The code it runs, e.g. {@code com.acme.Poller.run(Poller.java:31)}; or null. */
        public String runs() {
            return runs;
        }

        /** Where it was started, e.g. {@code com.acme.Poller.<init>(Poller.java:25)}; or null. */
        public String startedBy() {
            return startedBy;
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof LiveThread)) {
                return false;
            }
            LiveThread that = (LiveThread) other;
            return name.equals(that.name)
                    && daemon == that.daemon
                    && (state == null ? that.state == null : state.equals(that.state))
                    && (runs == null ? that.runs == null : runs.equals(that.runs))
                    && (startedBy == null ? that.startedBy == null : startedBy.equals(that.startedBy));
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + (runs == null ? 0 : runs.hashCode());
        }

        @Override
        public String toString() {
            return name + (daemon ? " (daemon)" : "") + " " + state + " " + runs
                    + (startedBy == null ? "" : " started by " + startedBy);
        }
    }

    private final String className;
    private final int count;
    private final List<LiveThread> threads;

    ThreadsLeftEvent(long time, String className, int count, List<LiveThread> threads) {
        super(time);
        this.className = className;
        this.count = count;
        this.threads = Collections.unmodifiableList(new ArrayList<>(threads));
    }

    public String className() {
        return className;
    }

    /** How many threads the class left running, all of them. */
    public int count() {
        return count;
    }

    /** The first {@link #LISTED} of them. */
    public List<LiveThread> threads() {
        return threads;
    }

    @Override
    public EventType type() {
        return EventType.THREADS_LEFT;
    }

    @Override
    public void accept(JournalVisitor visitor) {
        visitor.threadsLeft(this);
    }
}
