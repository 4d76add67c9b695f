package io.github.srboot.autoconfigure;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.ApplicationListener;

/**
 * Fails start-up when {@code starrocks.schema.write-migration} is set but no {@link WriteMigrationRunner} exists to
 * honour it, because there is no schema diff: the application would otherwise run as usual and exit without the
 * file it was asked for. Checked once the application has started and before any runner, when every conditional
 * bean is known.
 */
final class WriteMigrationCheck implements ApplicationListener<ApplicationStartedEvent> {

    @Override
    public void onApplicationEvent(ApplicationStartedEvent event) {
        if (event.getApplicationContext().getBeanNamesForType(WriteMigrationRunner.class, false, false).length > 0) {
            return;
        }
        String directory = event.getApplicationContext().getEnvironment()
            .getProperty("starrocks.schema.write-migration");
        throw new InvalidConfigurationPropertyValueException("starrocks.schema.write-migration", directory,
                "No migration can be written: the schema diff compares the desired schema with the database through "
                        + "a StarRocksTemplate, and this application has none (it needs a StarRocks DataSource: "
                        + "spring.datasource.url pointing at an FE's MySQL port, or starrocks.jdbc.enabled=true). "
                        + "An application running against the Stream Load stub has no SQL database to compare with.");
    }

}
