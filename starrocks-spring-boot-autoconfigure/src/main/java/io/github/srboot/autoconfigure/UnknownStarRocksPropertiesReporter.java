package io.github.srboot.autoconfigure;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Logs, once at start-up, every {@code starrocks.*} key that no StarRocks property has, with the closest known
 * property ({@link UnknownStarRocksProperties}), before any bean is created: a misspelled
 * {@code starrocks.http.frontend} is otherwise ignored and only shows up later as a missing bean.
 */
class UnknownStarRocksPropertiesReporter implements ApplicationListener<ApplicationPreparedEvent> {

    private static final Log logger = LogFactory.getLog(UnknownStarRocksPropertiesReporter.class);

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        List<UnknownStarRocksProperties.Unknown> unknown = UnknownStarRocksProperties.find(
                event.getApplicationContext().getEnvironment(), event.getApplicationContext().getClassLoader());
        if (unknown.isEmpty() || !logger.isWarnEnabled()) {
            return;
        }
        StringBuilder message = new StringBuilder("Unknown StarRocks properties are ignored:");
        for (UnknownStarRocksProperties.Unknown property : unknown) {
            message.append(System.lineSeparator()).append("  - ").append(property.describe());
        }
        message.append(System.lineSeparator())
            .append("Every starrocks.* property is listed in the starter's configuration metadata (IDE completion).");
        logger.warn(message);
    }

}
