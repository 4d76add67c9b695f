package io.github.srboot.streamload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.github.srboot.ddl.AlterClause;
import io.github.srboot.ddl.AlterTable;
import io.github.srboot.ddl.Column;
import io.github.srboot.ddl.CreateObject;
import io.github.srboot.ddl.Ddl;
import io.github.srboot.ddl.ObjectName;
import io.github.srboot.ddl.Table;
import io.github.srboot.streamload.cdc.CdcSchema;
import io.github.srboot.test.streamload.StreamLoadStubServer;
import io.github.srboot.test.streamload.StubTable;

/**
 * Test support: a {@link CdcSchema} that applies the CDC path's DDL to the Stream Load stub (which has no SQL
 * port) and records each statement as the {@code ddl} printer renders it for StarRocks.
 */
final class StubCdcSchema implements CdcSchema {

    private final StreamLoadStubServer stub;

    private final Map<String, Table> tables = new ConcurrentHashMap<>();

    final List<String> statements = new ArrayList<>();

    StubCdcSchema(StreamLoadStubServer stub) {
        this.stub = stub;
    }

    /** Declares an existing table on the stub and in this schema. */
    StubCdcSchema existing(String database, Table table) {
        this.tables.put(database + "." + table.name(), table);
        this.stub.createTable(StubTable.from(database, table));
        return this;
    }

    @Override
    public Optional<Table> describe(String database, String table) {
        return Optional.ofNullable(this.tables.get(database + "." + table));
    }

    @Override
    public synchronized void create(String database, Table table) {
        this.statements.add(Ddl.render(new CreateObject(database, table, true, false)));
        this.tables.putIfAbsent(database + "." + table.name(), table);
        this.stub.createTable(StubTable.from(database, table));
    }

    @Override
    public synchronized void addColumn(String database, String table, Column column) {
        this.statements.add(Ddl.render(new AlterTable(new ObjectName(database, table),
                List.of(new AlterClause.AddColumn(column, null)))));
        Table altered = this.tables.get(database + "." + table).toBuilder().column(column).build();
        this.tables.put(database + "." + table, altered);
        this.stub.addColumn(database, table, StubTable.from(database, altered).column(column.name()).orElseThrow());
    }

}
