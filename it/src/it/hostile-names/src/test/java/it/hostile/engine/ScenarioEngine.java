package it.hostile.engine;

import java.lang.reflect.Constructor;
import java.util.Map;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;

/**
 * A minimal JUnit Platform engine whose tests have free-text names (no method source): Surefire reports such a test
 * under its display name, so any character, markup and line breaks included, reaches memprobe as a method name.
 */
public final class ScenarioEngine implements TestEngine {

    @Override
    public String getId() {
        return "hostile-scenarios";
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        EngineDescriptor engine = new EngineDescriptor(uniqueId, "Scenarios");
        for (ClassSelector selector : request.getSelectorsByType(ClassSelector.class)) {
            Class<?> type = selector.getJavaClass();
            if (!Scenarios.class.isAssignableFrom(type)) {
                continue;
            }
            Node container = new Node(uniqueId.append("class", type.getName()), type.getSimpleName(),
                    ClassSource.from(type), null);
            int index = 0;
            for (Map.Entry<String, Runnable> scenario : instance(type).scenarios().entrySet()) {
                container.addChild(new Node(container.getUniqueId().append("scenario", String.valueOf(index++)),
                        scenario.getKey(), null, scenario.getValue()));
            }
            engine.addChild(container);
        }
        return engine;
    }

    @Override
    public void execute(ExecutionRequest request) {
        EngineExecutionListener listener = request.getEngineExecutionListener();
        TestDescriptor root = request.getRootTestDescriptor();
        listener.executionStarted(root);
        for (TestDescriptor container : root.getChildren()) {
            listener.executionStarted(container);
            for (TestDescriptor test : container.getChildren()) {
                listener.executionStarted(test);
                try {
                    ((Node) test).body.run();
                    listener.executionFinished(test, TestExecutionResult.successful());
                } catch (OutOfMemoryError e) {
                    // as JUnit Jupiter does: a memory error ends the run
                    listener.executionFinished(test, TestExecutionResult.failed(e));
                    throw e;
                } catch (RuntimeException | AssertionError e) {
                    listener.executionFinished(test, TestExecutionResult.failed(e));
                }
            }
            listener.executionFinished(container, TestExecutionResult.successful());
        }
        listener.executionFinished(root, TestExecutionResult.successful());
    }

    private static Scenarios instance(Class<?> type) {
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return (Scenarios) constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type.getName(), e);
        }
    }

    private static final class Node extends AbstractTestDescriptor {

        private final Runnable body;

        Node(UniqueId id, String name, ClassSource source, Runnable body) {
            super(id, name, source);
            this.body = body;
        }

        @Override
        public Type getType() {
            return body == null ? Type.CONTAINER : Type.TEST;
        }
    }
}
