package io.github.srboot.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Finds the {@code starrocks.*} keys an application sets that no StarRocks property has (a misspelled key is
 * otherwise ignored silently), each with the closest known property, in the spirit of Spring Boot's properties
 * migrator.
 *
 * <p>The known properties are the {@code starrocks.*} names of the configuration metadata on the classpath
 * ({@code META-INF/spring-configuration-metadata.json}, which the starter's jar carries). Environment variables are
 * not checked: a process often has {@code STARROCKS_*} variables meant for other tools (a {@code STARROCKS_HOST}
 * read by a script), which Spring would map to {@code starrocks.host}.
 */
final class UnknownStarRocksProperties {

    static final String METADATA = "META-INF/spring-configuration-metadata.json";

    private static final ConfigurationPropertyName PREFIX = ConfigurationPropertyName.of("starrocks");

    private UnknownStarRocksProperties() {
    }

    /**
     * A key no StarRocks property has.
     * @param name the key as set
     * @param origin where it was set (a file and line, a command-line argument), or {@code null} when unknown
     * @param suggestion the closest known property, or {@code null} when none is close
     */
    record Unknown(String name, Origin origin, String suggestion) {

        /**
         * {@code starrocks.http.frontend (from class path resource [application.yml] - 7:5): did you mean
         * starrocks.http.frontends?}
         */
        String describe() {
            return this.name + ((this.origin != null) ? " (from " + where(this.origin) + ")" : "")
                    + ((this.suggestion != null) ? ": did you mean " + this.suggestion + "?"
                            : ": no StarRocks property has this name");
        }

        /** A file and line as Spring Boot prints it, or the name of the property source (command line...). */
        private static String where(Origin origin) {
            if (origin instanceof PropertySourceOrigin source) {
                return (source.getOrigin() != null) ? source.getOrigin().toString()
                        : "property source \"" + source.getPropertySource().getName() + "\"";
            }
            return origin.toString();
        }

    }

    /**
     * The unknown {@code starrocks.*} keys of the environment, in name order; empty when the classpath carries no
     * StarRocks metadata to compare with.
     */
    static List<Unknown> find(Environment environment, ClassLoader classLoader) {
        if (!(environment instanceof ConfigurableEnvironment configurable)) {
            return List.of();
        }
        List<String> known = knownNames(classLoader);
        if (known.isEmpty()) {
            return List.of();
        }
        List<ConfigurationPropertyName> knownNames = known.stream().map(ConfigurationPropertyName::of).toList();
        Map<String, Unknown> unknown = new LinkedHashMap<>();
        for (PropertySource<?> propertySource : configurable.getPropertySources()) {
            if (propertySource instanceof SystemEnvironmentPropertySource) {
                continue;
            }
            ConfigurationPropertySource source = ConfigurationPropertySources.from(propertySource)
                .iterator()
                .next();
            if (!(source instanceof IterableConfigurationPropertySource iterable)) {
                continue;
            }
            iterable.filter(PREFIX::isAncestorOf).forEach((name) -> {
                if (!isKnown(name, knownNames) && !unknown.containsKey(name.toString())) {
                    ConfigurationProperty property = iterable.getConfigurationProperty(name);
                    unknown.put(name.toString(), new Unknown(name.toString(),
                            (property != null) ? property.getOrigin() : null, closest(name.toString(), known)));
                }
            });
        }
        return unknown.values().stream().sorted(java.util.Comparator.comparing(Unknown::name)).toList();
    }

    /** A known property, or an element or entry of one ({@code starrocks.http.frontends[0]}). */
    private static boolean isKnown(ConfigurationPropertyName name, List<ConfigurationPropertyName> known) {
        for (ConfigurationPropertyName candidate : known) {
            if (candidate.equals(name) || candidate.isAncestorOf(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The {@code starrocks.*} property names of every configuration metadata file on the classpath.
     */
    static List<String> knownNames(ClassLoader classLoader) {
        TreeSet<String> names = new TreeSet<>();
        try {
            Enumeration<URL> resources = classLoader.getResources(METADATA);
            while (resources.hasMoreElements()) {
                names.addAll(starRocksNames(resources.nextElement()));
            }
        }
        catch (IOException ex) {
            return List.of();
        }
        return List.copyOf(names);
    }

    private static List<String> starRocksNames(URL metadata) throws IOException {
        String json;
        try (InputStream in = metadata.openStream()) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!json.contains("starrocks.")) {
            // Spring Boot's own metadata (about a megabyte) names no starrocks.* property: parsing it was a visible
            // part of the application's start-up CPU in a profile of a cold start
            return List.of();
        }
        Object properties = JsonParserFactory.getJsonParser().parseMap(json).get("properties");
        List<String> names = new ArrayList<>();
        if (properties instanceof List<?> list) {
            for (Object property : list) {
                if (property instanceof Map<?, ?> map && map.get("name") instanceof String name
                        && name.startsWith("starrocks.")) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /**
     * The known name closest to {@code name}: the one fewest single-character edits away when that is at most a
     * third of the name (at least 3), else one with the same last part under another parent
     * ({@code starrocks.frontends} for {@code starrocks.http.frontends}); {@code null} when none fits.
     */
    static String closest(String name, Collection<String> known) {
        String bare = name.replaceAll("\\[[^]]*]", "");
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = editDistance(bare, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best != null && bestDistance <= Math.max(3, bare.length() / 3)) {
            return best;
        }
        String lastPart = bare.substring(bare.lastIndexOf('.') + 1);
        for (String candidate : known) {
            if (candidate.substring(candidate.lastIndexOf('.') + 1).equals(lastPart)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * Levenshtein distance. Written here because no library on the starter's classpath offers it (commons-text
     * would be a dependency for one function).
     */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

}
