package io.github.srboot.test.sql;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The state of one connection ({@code ConnectContext}): user, current database, session variables.
 */
final class Session {

    private final int connectionId;

    private final Variables variables;

    private final Map<String, String> sessionValues = new HashMap<>();

    private final String remoteAddress;

    private final Supplier<String> currentVersion;

    private volatile String user;

    private volatile String database = "";

    Session(int connectionId, Variables variables, String remoteAddress, Supplier<String> currentVersion) {
        this.connectionId = connectionId;
        this.variables = variables;
        this.remoteAddress = remoteAddress;
        this.currentVersion = currentVersion;
    }

    /** The client's IP address, as {@code USER()} shows it. */
    String remoteAddress() {
        return this.remoteAddress;
    }

    /** {@code current_version()}, which needs a live BE. */
    String currentVersion() {
        return this.currentVersion.get();
    }

    int connectionId() {
        return this.connectionId;
    }

    String user() {
        return this.user;
    }

    void setUser(String user) {
        this.user = user;
    }

    /** The current database, {@code ""} when none is selected. */
    String database() {
        return this.database;
    }

    void setDatabase(String database) {
        this.database = database;
    }

    Variables variables() {
        return this.variables;
    }

    /** The session's value of a known variable: what SET gave it, else its default. */
    String value(Variables.Definition definition) {
        return this.sessionValues.getOrDefault(definition.name(), definition.defaultValue());
    }

    void set(Variables.Definition definition, String value) {
        this.sessionValues.put(definition.name().toLowerCase(Locale.ROOT), value);
    }

}
