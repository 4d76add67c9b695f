package io.github.srboot.test.sql;

import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The system variables the embedded FE knows, with the FE's defaults: the global, read-only ones of
 * {@code qe/GlobalVariable.java} and the session ones of {@code qe/SessionVariable.java} that MySQL clients read on
 * connect. Any other name is unknown, as in {@code VariableMgr} (error 1193).
 *
 * <p>Values are kept as the text {@code SHOW VARIABLES} prints; {@link #selectText} gives what {@code SELECT @@name}
 * prints (booleans as {@code 1}/{@code 0}, recorded for {@code @@performance_schema} in
 * {@code sql/sqltests/CASE_156}).
 */
final class Variables {

    /** How a variable may be changed. */
    enum Scope {

        /** {@code VariableMgr.READ_ONLY}: SET fails with ERR_VARIABLE_IS_READONLY. */
        READ_ONLY,

        /** A session variable: SET changes it for the connection. */
        SESSION,

        /** {@code VariableMgr.GLOBAL}: a SET without GLOBAL is refused by the FE; kept as a session value here. */
        GLOBAL

    }

    /** One variable: its default text, scope and whether it is a boolean. */
    record Definition(String name, String defaultValue, Scope scope, boolean bool) {
    }

    private final Map<String, Definition> definitions;

    Variables(String starRocksVersion, String commit, String mysqlServerVersion, String runMode) {
        Map<String, Definition> all = new LinkedHashMap<>();
        // qe/GlobalVariable.java
        put(all, "version_comment", starRocksVersion + "-" + commit, Scope.READ_ONLY, false);
        put(all, "version", mysqlServerVersion, Scope.READ_ONLY, false);
        put(all, "lower_case_table_names", "0", Scope.READ_ONLY, false);
        put(all, "license", "Apache License 2.0", Scope.READ_ONLY, false);
        put(all, "language", "/starrocks/share/english/", Scope.READ_ONLY, false);
        put(all, "init_connect", "", Scope.GLOBAL, false);
        // TimeUtils.getSystemTimeZone(): the FE machine's zone
        put(all, "system_time_zone", ZoneId.systemDefault().getId(), Scope.READ_ONLY, false);
        put(all, "query_cache_size", "1048576", Scope.GLOBAL, false);
        put(all, "default_rowset_type", "alpha", Scope.GLOBAL, false);
        put(all, "character_set_database", "utf8", Scope.GLOBAL, false);
        put(all, "performance_schema", "false", Scope.READ_ONLY, true);
        put(all, "run_mode", runMode, Scope.READ_ONLY, false);
        // qe/SessionVariable.java (the MySQL-compatibility block: "this is used to make mysql client / c3p0 happy");
        // CASE_156 of the sql corpus records most of these values as a MySQL driver's connect query reads them.
        // time_zone defaults to the FE machine's zone; sql_mode is stored as the bit set 32 and shown decoded.
        put(all, "auto_increment_increment", "1", Scope.SESSION, false);
        put(all, "character_set_client", "utf8", Scope.SESSION, false);
        put(all, "character_set_connection", "utf8", Scope.SESSION, false);
        put(all, "character_set_results", "utf8", Scope.SESSION, false);
        put(all, "character_set_server", "utf8", Scope.SESSION, false);
        put(all, "collation_server", "utf8_general_ci", Scope.SESSION, false);
        put(all, "collation_connection", "utf8_general_ci", Scope.SESSION, false);
        put(all, "collation_database", "utf8_general_ci", Scope.SESSION, false);
        put(all, "interactive_timeout", "3600", Scope.SESSION, false);
        put(all, "max_allowed_packet", "33554432", Scope.SESSION, false);
        put(all, "net_write_timeout", "60", Scope.SESSION, false);
        put(all, "net_read_timeout", "60", Scope.SESSION, false);
        put(all, "query_cache_type", "0", Scope.SESSION, false);
        put(all, "time_zone", ZoneId.systemDefault().getId(), Scope.SESSION, false);
        put(all, "tx_isolation", "REPEATABLE-READ", Scope.SESSION, false);
        put(all, "transaction_isolation", "REPEATABLE-READ", Scope.SESSION, false);
        put(all, "tx_read_only", "false", Scope.SESSION, true);
        put(all, "transaction_read_only", "false", Scope.SESSION, true);
        put(all, "wait_timeout", "28800", Scope.SESSION, false);
        put(all, "autocommit", "true", Scope.SESSION, true);
        put(all, "sql_mode", "ONLY_FULL_GROUP_BY", Scope.SESSION, false);
        put(all, "sql_select_limit", "9223372036854775807", Scope.SESSION, false);
        put(all, "query_timeout", "300", Scope.SESSION, false);
        put(all, "dynamic_overwrite", "false", Scope.SESSION, true);
        // SessionVariable.partialUpdateMode ("auto", "row" or "column"); the embedded server's INSERT and UPDATE
        // write whole rows whatever it says, which is what either mode leaves behind
        put(all, "partial_update_mode", "auto", Scope.SESSION, false);
        this.definitions = Collections.unmodifiableMap(all);
    }

    private static void put(Map<String, Definition> all, String name, String value, Scope scope, boolean bool) {
        all.put(name, new Definition(name, value, scope, bool));
    }

    /** The variable of this name (any case), or {@code null}. */
    Definition find(String name) {
        return this.definitions.get(name.toLowerCase(Locale.ROOT));
    }

    /** Every variable, in declaration order. */
    Iterable<Definition> all() {
        return this.definitions.values();
    }

    /**
     * The three names closest to an unknown one, as {@code VariableMgr.findSimilarVarNames} lists them for the text of
     * ERR_UNKNOWN_SYSTEM_VARIABLE: sorted by Jaro-Winkler distance of the upper-cased names (commons-text, which the
     * FE uses too), each in single quotes, in braces: {@code {'pipeline_dop', 'pipeline_sink_dop', ...}}. Only the
     * variables the embedded server knows are candidates, so the names can differ from a real FE's.
     */
    static String mostSimilar(String name, Iterable<String> known) {
        org.apache.commons.text.similarity.JaroWinklerDistance distance =
                new org.apache.commons.text.similarity.JaroWinklerDistance();
        String wanted = name.toUpperCase(Locale.ROOT);
        java.util.List<String> names = new java.util.ArrayList<>();
        known.forEach(names::add);
        java.util.StringJoiner joined = new java.util.StringJoiner(", ", "{", "}");
        names.stream()
            .sorted(java.util.Comparator.comparingDouble((String candidate) ->
                    distance.apply(candidate.toUpperCase(Locale.ROOT), wanted)))
            .limit(3)
            .forEach((candidate) -> joined.add("'" + candidate + "'"));
        return joined.toString();
    }

    /** The names of every known variable, in declaration order. */
    Iterable<String> names() {
        return this.definitions.keySet();
    }

    /** What {@code SELECT @@name} prints for this value of the variable. */
    static String selectText(Definition definition, String value) {
        if (definition.bool()) {
            return isTrue(value) ? "1" : "0";
        }
        return value;
    }

    /** What {@code SHOW VARIABLES} prints: booleans as {@code true}/{@code false} (recorded: CASE_154). */
    static String showText(Definition definition, String value) {
        if (definition.bool()) {
            return isTrue(value) ? "true" : "false";
        }
        return value;
    }

    private static boolean isTrue(String value) {
        return value.equalsIgnoreCase("true") || value.equals("1") || value.equalsIgnoreCase("on");
    }

}
