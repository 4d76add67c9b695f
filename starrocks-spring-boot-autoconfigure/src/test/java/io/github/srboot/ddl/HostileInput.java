package io.github.srboot.ddl;

import java.util.List;
import java.util.Map;

import static io.github.srboot.ddl.ColumnOption.comment;
import static io.github.srboot.ddl.ColumnOption.defaultValue;
import static io.github.srboot.ddl.ColumnOption.notNull;

/**
 * Names, comments and values built to break out of their quotes: quotes, backquotes, backslashes, newlines,
 * {@code --}, {@code ;}, {@code /*} and {@code #}. Shared by the injection test and the grammar test.
 */
final class HostileInput {

    static final String TABLE = "orders`; DROP TABLE users; --";

    static final String COLUMN = "we`ird\"na'me";

    static final String COLUMN_2 = "x` INT, `y";

    static final String COMMENT = "it's \"quoted\" \\ back\\slash\nnew line -- not a comment; DROP TABLE t; /* */ #\ttab";

    static final String DEFAULT = "0\"); DROP TABLE t; -- \\";

    static final String PROPERTY_KEY = "k\"ey\\";

    static final String PROPERTY_VALUE = "v\\\"); DROP TABLE t; --\r\n";

    static final String LIST_VALUE = "a\"), PARTITION p2 VALUES IN (\"b";

    static final String INDEX = "idx`) USING BITMAP, INDEX `i2";

    static final String DATABASE = "db`.`other";

    private HostileInput() {
    }

    static Table table() {
        return Table.builder(TABLE)
            .column(COLUMN, DataType.varchar(20), notNull(), comment(COMMENT))
            .column(COLUMN_2, DataType.INT, defaultValue(DEFAULT), comment(""))
            .index(new IndexDef(INDEX, List.of(COLUMN_2), IndexType.BITMAP, Map.of(), COMMENT))
            .duplicateKey(COLUMN)
            .comment(COMMENT)
            .partitionBy(ListPartitionDesc.of(COLUMN, ListPartition.of("p1", LIST_VALUE, COMMENT)))
            .distributedByHash(2, COLUMN)
            .property(PROPERTY_KEY, PROPERTY_VALUE)
            .property("replication_num", COMMENT)
            .build();
    }

    static View view() {
        return new View(TABLE, List.of(new ViewColumn(COLUMN, COMMENT), ViewColumn.of(COLUMN_2)), COMMENT, null,
                "SELECT 1 AS a, '--;' AS b");
    }

    static MaterializedView materializedView() {
        return MaterializedView.builder(TABLE, "SELECT 1 AS a, 2 AS b")
            .column(COLUMN, COMMENT)
            .column(COLUMN_2, null)
            .comment(COMMENT)
            .refresh(RefreshScheme.async())
            .property(PROPERTY_KEY, PROPERTY_VALUE)
            .build();
    }

    static AlterTable alterTable() {
        return new AlterTable(ObjectName.of(DATABASE, TABLE),
                List.of(new AlterClause.AddColumn(Column.of(COLUMN_2, DataType.INT, comment(COMMENT)),
                        ColumnPosition.after(COLUMN)), new AlterClause.DropColumn(COLUMN)));
    }

    static List<DdlExamples.Example> examples() {
        return List.of(new DdlExamples.Example("hostile: CREATE TABLE", CreateObject.of(table()), null),
                new DdlExamples.Example("hostile: CREATE VIEW", CreateObject.of(view()), null),
                new DdlExamples.Example("hostile: CREATE MATERIALIZED VIEW", CreateObject.of(materializedView()), null),
                new DdlExamples.Example("hostile: ALTER TABLE", alterTable(), null),
                new DdlExamples.Example("hostile: ALTER TABLE COMMENT",
                        AlterTable.of(TABLE, new AlterClause.SetComment(COMMENT)), null),
                new DdlExamples.Example("hostile: ALTER TABLE SET",
                        AlterTable.of(TABLE, new AlterClause.SetProperties(Map.of(PROPERTY_KEY, PROPERTY_VALUE))), null),
                new DdlExamples.Example("hostile: ADD PARTITION",
                        AlterTable.of(TABLE, new AlterClause.AddPartition(RangePartition.lessThan(INDEX, LIST_VALUE), false)),
                        null),
                new DdlExamples.Example("hostile: ALTER MATERIALIZED VIEW RENAME",
                        new AlterMaterializedView(ObjectName.of(DATABASE, TABLE), new MaterializedViewAction.Rename(COLUMN)),
                        null),
                new DdlExamples.Example("hostile: DROP TABLE",
                        new DropObject(ObjectKind.TABLE, ObjectName.of(DATABASE, TABLE), true, false), null),
                new DdlExamples.Example("hostile: TRUNCATE TABLE",
                        new TruncateTable(ObjectName.of(TABLE), List.of(INDEX, COLUMN)), null),
                new DdlExamples.Example("hostile: CREATE DATABASE", new CreateDatabase(DATABASE, true), null));
    }

}
