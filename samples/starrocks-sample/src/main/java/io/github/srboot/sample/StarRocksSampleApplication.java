package io.github.srboot.sample;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sample application: checks the schema, bulk-loads orders, checks what was loaded, shows health and metrics,
 * then exits with a summary. Against the StarRocks of the sample's {@code compose.yaml} with {@code --compose}
 * (Spring Boot's Docker Compose support), against StarRocks when {@code STARROCKS_HOST} is set, otherwise against
 * the embedded StarRocks ({@code stub} profile). With {@code --server} it keeps running and serves the actuator
 * endpoints.
 */
@SpringBootApplication
@EnableConfigurationProperties(SampleProperties.class)
public class StarRocksSampleApplication {

    /** The argument that keeps the application running with its actuator endpoints. */
    static final String SERVER_OPTION = "--server";

    public static void main(String[] args) {
        ConfigurableApplicationContext context = start(args, System.getenv());
        if (isServer(args)) {
            context.getBean(SampleRun.class).summary().lines().forEach(System.out::println);
            System.out.println("Serving the actuator endpoints at http://localhost:"
                    + context.getEnvironment().getProperty("local.server.port") + "/actuator; stop with Ctrl-C.");
        }
        else {
            System.exit(finish(context, System.out));
        }
    }

    /**
     * Starts the application in the mode the environment selects; the sample's work runs during start-up.
     * @param args the command line; {@value #SERVER_OPTION} selects a web server, {@code --compose} the compose
     *     mode, the rest goes to Spring Boot
     * @param environment the process environment ({@code STARROCKS_HOST} selects the cluster mode)
     * @return the running application
     */
    static ConfigurableApplicationContext start(String[] args, Map<String, String> environment) {
        SampleMode mode = SampleMode.of(args, environment);
        List<String> modeArgs = mode.arguments(Path.of(""));
        SpringApplication application = new SpringApplication(StarRocksSampleApplication.class);
        application.setAdditionalProfiles(mode.profiles());
        List<String> announcement = mode.announcement(environment);
        application.setBanner((env, sourceClass, out) -> announcement.forEach(out::println));
        application.setBannerMode(Banner.Mode.LOG);
        application.setWebApplicationType(isServer(args) ? WebApplicationType.REACTIVE : WebApplicationType.NONE);
        application.addInitializers((context) -> context.getBeanFactory().registerSingleton("sampleMode", mode));
        Stream<String> userArgs = Arrays.stream(args)
            .filter((arg) -> !SERVER_OPTION.equals(arg) && !SampleMode.COMPOSE_OPTION.equals(arg));
        String[] springArgs = Stream.concat(userArgs, modeArgs.stream()).toArray(String[]::new);
        return application.run(springArgs);
    }

    /**
     * Closes the application, then prints the summary of its run as the last lines.
     * @return the exit code
     */
    static int finish(ConfigurableApplicationContext context, PrintStream out) {
        SampleSummary summary = context.getBean(SampleRun.class).summary();
        int exitCode = SpringApplication.exit(context);
        summary.lines().forEach(out::println);
        return exitCode;
    }

    private static boolean isServer(String[] args) {
        return Arrays.asList(args).contains(SERVER_OPTION);
    }

}
