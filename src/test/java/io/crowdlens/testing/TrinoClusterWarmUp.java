package io.crowdlens.testing;

import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Starts the shared Trino cluster in the background as soon as a test run that includes pipeline tests
 * begins, so its start (40 s or more on 2 cores) overlaps the tests that run before the first Trino
 * test instead of adding to them. A failed start is reported by the first test that needs the cluster.
 * Registered in META-INF/services/org.junit.platform.launcher.TestExecutionListener.
 */
public final class TrinoClusterWarmUp implements TestExecutionListener {

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        if (plan.getRoots().stream().flatMap(root -> plan.getDescendants(root).stream()).anyMatch(TrinoClusterWarmUp::isPipelineTest)) {
            Thread.ofPlatform().daemon().name("trino-cluster-warm-up").start(() -> {
                try {
                    TrinoCluster.shared();
                } catch (RuntimeException e) {
                    // kept by TrinoCluster and rethrown to the first test that asks for the cluster
                }
            });
        }
    }

    private static boolean isPipelineTest(TestIdentifier test) {
        TestSource source = test.getSource().orElse(null);
        return source instanceof ClassSource c && c.getClassName().startsWith("io.crowdlens.pipeline.");
    }
}
