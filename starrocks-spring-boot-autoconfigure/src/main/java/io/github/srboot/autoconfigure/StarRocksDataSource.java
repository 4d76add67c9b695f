package io.github.srboot.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Qualifier for the {@code DataSource} that points at StarRocks when the application has another, primary
 * DataSource (like Spring Boot's {@code @FlywayDataSource}).
 *
 * <p>Put it on the {@code @Bean} method of the StarRocks DataSource; {@code StarRocksTemplate} then uses that one,
 * and the StarRocks exception translator is not applied to the application's own {@code JdbcTemplate}:
 * <pre class="code">
 * &#64;Bean
 * &#64;StarRocksDataSource
 * DataSource starRocksDataSource() {
 *     return DataSourceBuilder.create().url("jdbc:mysql://fe:9030/analytics").username("app").build();
 * }
 * </pre>
 * Without this qualifier the application's only (or {@code @Primary}) DataSource is used.
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE,
        ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Qualifier
public @interface StarRocksDataSource {

}
