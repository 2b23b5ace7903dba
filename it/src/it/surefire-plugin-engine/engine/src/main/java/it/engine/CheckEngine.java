package it.engine;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
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
import org.junit.platform.engine.support.descriptor.MethodSource;

/** Runs every public static no-argument method whose name starts with "check" as a test; nothing on the test classpath. */
public final class CheckEngine implements TestEngine {

    @Override
    public String getId() {
        return "it-checks";
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        EngineDescriptor engine = new EngineDescriptor(uniqueId, "Checks");
        for (ClassSelector selector : request.getSelectorsByType(ClassSelector.class)) {
            Class<?> type = selector.getJavaClass();
            Node container = new Node(uniqueId.append("class", type.getName()), type.getSimpleName(),
                    ClassSource.from(type), null);
            for (Method method : type.getDeclaredMethods()) {
                if (method.getName().startsWith("check") && Modifier.isStatic(method.getModifiers())
                        && Modifier.isPublic(method.getModifiers()) && method.getParameterCount() == 0) {
                    container.addChild(new Node(container.getUniqueId().append("check", method.getName()),
                            method.getName(), MethodSource.from(method), method));
                }
            }
            if (!container.getChildren().isEmpty()) {
                engine.addChild(container);
            }
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
                    ((Node) test).method.invoke(null);
                    listener.executionFinished(test, TestExecutionResult.successful());
                } catch (java.lang.reflect.InvocationTargetException e) {
                    listener.executionFinished(test, TestExecutionResult.failed(e.getCause()));
                    if (e.getCause() instanceof Error) {
                        throw (Error) e.getCause();
                    }
                } catch (ReflectiveOperationException e) {
                    listener.executionFinished(test, TestExecutionResult.failed(e));
                }
            }
            listener.executionFinished(container, TestExecutionResult.successful());
        }
        listener.executionFinished(root, TestExecutionResult.successful());
    }

    private static final class Node extends AbstractTestDescriptor {
        final Method method;

        Node(UniqueId id, String name, org.junit.platform.engine.TestSource source, Method method) {
            super(id, name, source);
            this.method = method;
        }

        @Override
        public Type getType() {
            return method == null ? Type.CONTAINER : Type.TEST;
        }
    }
}
