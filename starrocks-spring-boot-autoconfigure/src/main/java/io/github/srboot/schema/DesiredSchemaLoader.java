package io.github.srboot.schema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.srboot.ddl.CreateObject;
import io.github.srboot.ddl.Ddl;
import io.github.srboot.ddl.SchemaObject;
import io.github.srboot.ddl.Table;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Collects the desired schema from its two sources: {@code *.sql} files under the configured locations (plain
 * {@code CREATE TABLE / VIEW / MATERIALIZED VIEW} statements, read with {@link Ddl#parse(String)}) and
 * {@link SchemaObject} beans. An object defined twice fails with both places named. A {@code CREATE TEMPORARY TABLE}
 * is left out with a warning: a temporary table lives only in the session that creates it, so no database holds it.
 * A database qualifier ({@code CREATE TABLE db.t}) is read and not used, with a warning: the desired schema describes
 * the database of the connection.
 */
public final class DesiredSchemaLoader {

    private static final Log logger = LogFactory.getLog(DesiredSchemaLoader.class);

    private final ResourcePatternResolver resolver;

    /**
     * Creates a loader reading files through the given resolver.
     * @param resolver resolves {@code classpath:} and {@code file:} locations
     */
    public DesiredSchemaLoader(ResourcePatternResolver resolver) {
        this.resolver = resolver;
    }

    /**
     * Loads the desired schema.
     * @param locations resource locations (directories) whose {@code *.sql} files, also in subdirectories, are read
     * in file-name order; a location without files adds nothing
     * @param beans schema objects defined as beans, by bean name
     * @return the desired objects: file objects in file order, then bean objects
     * @throws DuplicateSchemaObjectException when two definitions share a name
     * @throws SchemaSourceException when a file cannot be read or parsed
     */
    public List<SchemaObject> load(Collection<String> locations, Map<String, ? extends SchemaObject> beans) {
        Map<String, Defined> byName = new LinkedHashMap<>();
        for (String location : locations) {
            for (Resource resource : sqlFiles(location)) {
                String origin = describe(resource);
                for (SchemaObject object : parse(resource, origin)) {
                    add(byName, new Defined(object, origin));
                }
            }
        }
        beans.forEach((beanName, object) -> add(byName, new Defined(object, "bean '" + beanName + "'")));
        return byName.values().stream().map(Defined::object).toList();
    }

    private static void add(Map<String, Defined> byName, Defined defined) {
        Defined previous = byName.putIfAbsent(defined.object().name(), defined);
        if (previous != null) {
            throw new DuplicateSchemaObjectException(defined.object().name(), previous.origin(), defined.origin());
        }
    }

    private List<Resource> sqlFiles(String location) {
        String base = location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
        if (base.startsWith("classpath:")) {
            base = "classpath*:" + base.substring("classpath:".length());
        }
        String pattern = base + "/**/*.sql";
        try {
            List<Resource> resources = new ArrayList<>(Arrays.asList(this.resolver.getResources(pattern)));
            resources.removeIf(resource -> !resource.isReadable());
            resources.sort(Comparator.comparing(DesiredSchemaLoader::describe));
            return resources;
        }
        catch (IOException ex) {
            throw new SchemaSourceException("Could not list the desired-schema files " + pattern, ex);
        }
    }

    private static List<SchemaObject> parse(Resource resource, String origin) {
        String sql;
        try {
            sql = resource.getContentAsString(StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new SchemaSourceException("Could not read the desired-schema file " + origin, ex);
        }
        List<CreateObject> statements;
        try {
            statements = Ddl.parseStatements(sql);
        }
        catch (RuntimeException ex) {
            throw new SchemaSourceException("Could not parse the desired-schema file " + origin + ": "
                    + ex.getMessage(), ex);
        }
        List<SchemaObject> objects = new ArrayList<>();
        for (CreateObject statement : statements) {
            SchemaObject object = statement.object();
            if (object instanceof Table table && table.temporary()) {
                logger.warn("Left the temporary table '" + table.name() + "' of " + origin + " out of the desired "
                        + "schema: a temporary table lives only in the session that creates it; create it in that "
                        + "session instead");
                continue;
            }
            if (statement.database() != null) {
                logger.warn("The database qualifier '" + statement.database() + "' of '" + object.name() + "' in "
                        + origin + " is not used: the desired schema describes the database of the connection");
            }
            objects.add(object);
        }
        return objects;
    }

    private static String describe(Resource resource) {
        try {
            return resource.getURI().toString();
        }
        catch (IOException ex) {
            return resource.getDescription();
        }
    }

    private record Defined(SchemaObject object, String origin) {
    }

}
