package io.github.srboot.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Explains a start-up that fails because a bean needs a {@code StreamLoadTemplate} or a {@code StarRocksTemplate}
 * the starter did not create: which property (or dependency) would create it, what the application has set instead,
 * and the {@code starrocks.*} keys it sets that no property has ({@link UnknownStarRocksProperties}). Ordered before
 * Spring Boot's generic "required a bean of type ... that could not be found".
 */
class MissingStarRocksTemplateFailureAnalyzer extends AbstractFailureAnalyzer<NoSuchBeanDefinitionException>
        implements Ordered {

    static final String STREAM_LOAD_TEMPLATE = "io.github.srboot.streamload.StreamLoadTemplate";

    static final String STARROCKS_TEMPLATE = "io.github.srboot.jdbc.StarRocksTemplate";

    private final Environment environment;

    /**
     * Created by Spring Boot's failure analysis with the application's environment.
     */
    MissingStarRocksTemplateFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NoSuchBeanDefinitionException cause) {
        Class<?> type = (cause.getResolvableType() != null) ? cause.getResolvableType().resolve() : null;
        if (type == null) {
            return null;
        }
        return switch (type.getName()) {
            case STREAM_LOAD_TEMPLATE -> analysis(rootFailure, "StreamLoadTemplate", streamLoadReason(),
                    "Set starrocks.http.frontends to the FE HTTP address, e.g. "
                            + "starrocks.http.frontends=http://127.0.0.1:8030 (with starrocks.username, "
                            + "starrocks.password and starrocks.database), or supply it through a service connection.");
            case STARROCKS_TEMPLATE -> analysis(rootFailure, "StarRocksTemplate", jdbcReason(),
                    "Set spring.datasource.url to the FE's MySQL-protocol address, e.g. "
                            + "spring.datasource.url=jdbc:mysql://127.0.0.1:9030/shop (with spring.datasource.username "
                            + "and password); if that DataSource is StarRocks but not recognised as such, set "
                            + "starrocks.jdbc.enabled=true, or mark a dedicated StarRocks DataSource bean "
                            + "@StarRocksDataSource.");
            default -> null;
        };
    }

    private FailureAnalysis analysis(Throwable rootFailure, String bean, String reason, String action) {
        String description = "A bean needs a " + bean + ", but the StarRocks starter did not create one: " + reason;
        StringBuilder advice = new StringBuilder(action);
        List<UnknownStarRocksProperties.Unknown> unknown = UnknownStarRocksProperties.find(this.environment,
                ClassUtils.getDefaultClassLoader());
        if (!unknown.isEmpty()) {
            advice.append(System.lineSeparator())
                .append("These starrocks.* keys are set but no StarRocks property has them:");
            for (UnknownStarRocksProperties.Unknown property : unknown) {
                advice.append(System.lineSeparator()).append("  - ").append(property.describe());
            }
        }
        return new FailureAnalysis(description, advice.toString(), rootFailure);
    }

    private String streamLoadReason() {
        List<String> missing = missingClasses("org.springframework.web.reactive.function.client.WebClient",
                "spring-webflux", "reactor.netty.http.client.HttpClient", "reactor-netty-http",
                "com.fasterxml.jackson.databind.ObjectMapper", "jackson-databind");
        if (!missing.isEmpty()) {
            return "it needs " + String.join(", ", missing) + " on the classpath (starrocks-spring-boot-starter "
                    + "brings them; starrocks-spring-boot-autoconfigure alone does not).";
        }
        Binder binder = Binder.get(this.environment);
        Boolean enabled = binder.bind("starrocks.stream-load.enabled", Boolean.class).orElse(null);
        if (Boolean.FALSE.equals(enabled)) {
            return "starrocks.stream-load.enabled is false.";
        }
        List<String> frontends = binder.bind("starrocks.http.frontends", Bindable.listOf(String.class))
            .orElse(List.of());
        if (frontends.isEmpty()) {
            return "it is created when FE HTTP URLs are configured (starrocks.http.frontends), and none is.";
        }
        return "starrocks.http.frontends is set, so another bean named StreamLoadTemplate, or a condition of the "
                + "application's own, kept it from being created (run with --debug for the conditions report).";
    }

    private String jdbcReason() {
        List<String> missing = missingClasses("org.springframework.jdbc.core.JdbcTemplate", "spring-jdbc");
        if (!missing.isEmpty()) {
            return "it needs " + String.join(", ", missing) + " on the classpath (spring-boot-starter-jdbc).";
        }
        Binder binder = Binder.get(this.environment);
        Boolean enabled = binder.bind("starrocks.jdbc.enabled", Boolean.class).orElse(null);
        if (Boolean.FALSE.equals(enabled)) {
            return "starrocks.jdbc.enabled is false.";
        }
        String url = binder.bind("spring.datasource.url", String.class).orElse(null);
        if (url == null) {
            return "it is created on the application's DataSource when that DataSource is StarRocks, and "
                    + "spring.datasource.url is not set.";
        }
        return "it is created on the application's DataSource when that DataSource is StarRocks (a MySQL-protocol "
                + "spring.datasource.url whose server answers @@version_comment with StarRocks, "
                + "starrocks.jdbc.enabled=true, or a @StarRocksDataSource bean); spring.datasource.url is "
                + withoutSecrets(url) + ", which was not recognised as StarRocks.";
    }

    /** The URL without its query (which may hold a password) and without user information before the host. */
    private static String withoutSecrets(String url) {
        int query = url.indexOf('?');
        String shown = (query < 0) ? url : url.substring(0, query);
        int hosts = shown.indexOf("//");
        int at = shown.lastIndexOf('@');
        return (hosts >= 0 && at > hosts) ? shown.substring(0, hosts + 2) + "<redacted>@" + shown.substring(at + 1)
                : shown;
    }

    /** The artifacts, of the class-artifact pairs given, whose class is not on the classpath. */
    private static List<String> missingClasses(String... classAndArtifact) {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < classAndArtifact.length; i += 2) {
            if (!ClassUtils.isPresent(classAndArtifact[i], MissingStarRocksTemplateFailureAnalyzer.class.getClassLoader())) {
                missing.add(classAndArtifact[i + 1]);
            }
        }
        return missing;
    }

}
