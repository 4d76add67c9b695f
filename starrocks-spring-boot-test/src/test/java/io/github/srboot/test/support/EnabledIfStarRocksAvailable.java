package io.github.srboot.test.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Runs an integration test class only when StarRocks can be reached: an external cluster is configured
 * ({@code STARROCKS_JDBC_URL}) or Docker is available for {@link StarRocksTestCluster}'s container. Otherwise the
 * tests are reported as skipped, with the reason.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(EnabledIfStarRocksAvailable.Condition.class)
public @interface EnabledIfStarRocksAvailable {

    /**
     * The check behind the annotation.
     */
    final class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (StarRocksTestCluster.isExternalClusterConfigured()) {
                return ConditionEvaluationResult.enabled("STARROCKS_JDBC_URL is set: using the external cluster");
            }
            if (DockerClientFactory.instance().isDockerAvailable()) {
                return ConditionEvaluationResult.enabled("Docker is available: using StarRocksContainer");
            }
            return ConditionEvaluationResult.disabled("No Docker and no STARROCKS_JDBC_URL: StarRocks integration "
                    + "tests skipped");
        }

    }

}
