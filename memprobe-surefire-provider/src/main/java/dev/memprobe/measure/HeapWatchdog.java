package dev.memprobe.measure;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Warns before an {@code OutOfMemoryError}: arms the JVM's collection-usage threshold on every heap pool that has one
 * (the old generation, typically) at a share of the pool's maximum, and calls back when a pool is still that full
 * right after a collection. The same trick PIT uses to name the mutant in flight before its minion dies.
 */
public final class HeapWatchdog implements NotificationListener {

    /** Receives "near limit" warnings, on the JVM's notification thread. */
    public interface Listener {
        void nearLimit(String pool, long used, long max);
    }

    private final Listener listener;
    private NotificationEmitter emitter;

    public HeapWatchdog(Listener listener) {
        this.listener = listener;
    }

    /** Arms the thresholds at {@code ratio} of each pool's maximum; false where no pool supports one. */
    public boolean install(double ratio) {
        boolean armed = false;
        try {
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                long max = pool.getUsage() == null ? -1 : pool.getUsage().getMax();
                if (pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported() && max > 0) {
                    pool.setCollectionUsageThreshold((long) (max * ratio));
                    armed = true;
                }
            }
            if (armed && ManagementFactory.getMemoryMXBean() instanceof NotificationEmitter) {
                emitter = (NotificationEmitter) ManagementFactory.getMemoryMXBean();
                emitter.addNotificationListener(this, null, null);
                return true;
            }
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
        return false;
    }

    public void uninstall() {
        if (emitter != null) {
            try {
                emitter.removeNotificationListener(this);
            } catch (Exception e) {
                // the JVM is going away; nothing to undo
            }
            emitter = null;
        }
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (!MemoryNotificationInfo.MEMORY_COLLECTION_THRESHOLD_EXCEEDED.equals(notification.getType())) {
            return;
        }
        try {
            MemoryNotificationInfo info = MemoryNotificationInfo.from((CompositeData) notification.getUserData());
            listener.nearLimit(
                    info.getPoolName(),
                    info.getUsage().getUsed(),
                    info.getUsage().getMax());
        } catch (RuntimeException | LinkageError | OutOfMemoryError e) {
            // one lost warning must not disturb the tests
        }
    }
}
