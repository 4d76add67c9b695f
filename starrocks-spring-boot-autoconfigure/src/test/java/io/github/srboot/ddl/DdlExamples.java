package io.github.srboot.ddl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.srboot.ddl.ColumnOption.aggregate;
import static io.github.srboot.ddl.ColumnOption.autoIncrement;
import static io.github.srboot.ddl.ColumnOption.comment;
import static io.github.srboot.ddl.ColumnOption.defaultValue;
import static io.github.srboot.ddl.ColumnOption.generatedAs;
import static io.github.srboot.ddl.ColumnOption.key;
import static io.github.srboot.ddl.ColumnOption.notNull;
import static io.github.srboot.ddl.ColumnOption.nullable;
import static io.github.srboot.ddl.DataType.BIGINT;
import static io.github.srboot.ddl.DataType.DATE;
import static io.github.srboot.ddl.DataType.DATETIME;
import static io.github.srboot.ddl.DataType.INT;
import static io.github.srboot.ddl.DataType.STRING;
import static io.github.srboot.ddl.DataType.array;
import static io.github.srboot.ddl.DataType.decimal;
import static io.github.srboot.ddl.DataType.field;
import static io.github.srboot.ddl.DataType.map;
import static io.github.srboot.ddl.DataType.struct;
import static io.github.srboot.ddl.DataType.varchar;

/**
 * The catalogue of statements the printer is tested with: every feature once, each with its exact expected text.
 * The golden test asserts the text; the grammar test parses every statement with the independent StarRocks grammar.
 */
final class DdlExamples {

    /**
     * One rendered statement and its exact expected SQL.
     *
     * @param name what the example shows
     * @param statement the statement
     * @param sql the exact expected rendering
     */
    record Example(String name, DdlStatement statement, String sql) {

        @Override
        public String toString() {
            return this.name;
        }

    }

    private DdlExamples() {
    }

    static List<Example> all() {
        List<Example> examples = new ArrayList<>();
        examples.addAll(tables());
        examples.addAll(partitions());
        examples.addAll(views());
        examples.addAll(materializedViews());
        examples.addAll(alterTables());
        examples.addAll(otherStatements());
        return examples;
    }

    private static Example create(String name, SchemaObject object, String sql) {
        return new Example(name, CreateObject.of(object), sql);
    }

    private static Table.Builder eventTable(String name) {
        return Table.builder(name)
            .column("dt", DATE, notNull())
            .column("city", varchar(32), notNull())
            .column("v", INT)
            .duplicateKey("dt", "city");
    }

    static List<Example> tables() {
        return List.of(create("builder: PRIMARY KEY table", Table.builder("orders")
            .column("id", BIGINT, notNull())
            .column("amount", decimal(10, 2), comment("total"))
            .primaryKey("id")
            .distributedByHash(8, "id")
            .property("replication_num", "1")
            .build(), """
                CREATE TABLE `orders` (
                  `id` BIGINT NOT NULL,
                  `amount` DECIMAL(10, 2) COMMENT "total"
                )
                PRIMARY KEY(`id`)
                DISTRIBUTED BY HASH(`id`) BUCKETS 8
                PROPERTIES (
                "replication_num" = "1"
                )"""),
                create("DUPLICATE KEY table with engine, comment, random distribution, sort key, ordered properties",
                        Table.builder("events")
                            .column("ts", DATETIME, notNull(), comment("event time"))
                            .column("site", varchar(64), nullable())
                            .column("payload", DataType.JSON)
                            .engine("OLAP")
                            .duplicateKey("ts", "site")
                            .comment("raw events")
                            .distributedByRandom(16)
                            .orderBy("site", "ts")
                            .property("replication_num", "1")
                            .property("compression", "ZSTD")
                            .build(),
                        """
                                CREATE TABLE `events` (
                                  `ts` DATETIME NOT NULL COMMENT "event time",
                                  `site` VARCHAR(64) NULL,
                                  `payload` JSON
                                ) ENGINE=OLAP
                                DUPLICATE KEY(`ts`, `site`)
                                COMMENT "raw events"
                                DISTRIBUTED BY RANDOM BUCKETS 16
                                ORDER BY(`site`, `ts`)
                                PROPERTIES (
                                "replication_num" = "1",
                                "compression" = "ZSTD"
                                )"""),
                create("AGGREGATE KEY table with every aggregation type", Table.builder("counters")
                    .column("site", INT, notNull())
                    .column("day", DATE, notNull())
                    .column("pv", BIGINT, aggregate(AggregationType.SUM), defaultValue("0"), comment("page views"))
                    .column("peak", INT, aggregate(AggregationType.MAX))
                    .column("low", INT, aggregate(AggregationType.MIN))
                    .column("last_name", varchar(20), aggregate(AggregationType.REPLACE))
                    .column("last_city", varchar(20), aggregate(AggregationType.REPLACE_IF_NOT_NULL))
                    .column("uv_hll", DataType.HLL, aggregate(AggregationType.HLL_UNION))
                    .column("uv", DataType.BITMAP, aggregate(AggregationType.BITMAP_UNION), notNull())
                    .column("latency", DataType.PERCENTILE, aggregate(AggregationType.PERCENTILE_UNION))
                    .aggregateKey("site", "day")
                    .distributedByHash(4, "site")
                    .orderBy("day", "site")
                    .build(), """
                        CREATE TABLE `counters` (
                          `site` INT NOT NULL,
                          `day` DATE NOT NULL,
                          `pv` BIGINT SUM DEFAULT "0" COMMENT "page views",
                          `peak` INT MAX,
                          `low` INT MIN,
                          `last_name` VARCHAR(20) REPLACE,
                          `last_city` VARCHAR(20) REPLACE_IF_NOT_NULL,
                          `uv_hll` HLL HLL_UNION,
                          `uv` BITMAP BITMAP_UNION NOT NULL,
                          `latency` PERCENTILE PERCENTILE_UNION
                        )
                        AGGREGATE KEY(`site`, `day`)
                        DISTRIBUTED BY HASH(`site`) BUCKETS 4
                        ORDER BY(`day`, `site`)"""),
                create("UNIQUE KEY table with sort key", Table.builder("profiles")
                    .column("id", BIGINT, notNull())
                    .column("name", varchar(50))
                    .uniqueKey("id")
                    .distributedByHash("id")
                    .orderBy("id", "name")
                    .build(), """
                        CREATE TABLE `profiles` (
                          `id` BIGINT NOT NULL,
                          `name` VARCHAR(50)
                        )
                        UNIQUE KEY(`id`)
                        DISTRIBUTED BY HASH(`id`)
                        ORDER BY(`id`, `name`)"""),
                create("every column form: AUTO_INCREMENT, DEFAULT forms, generated column, comments",
                        Table.builder("users")
                            .column("id", BIGINT, notNull(), autoIncrement())
                            .column("uid", varchar(36), notNull(), defaultValue(DefaultValue.expression("uuid()")))
                            .column("uid_number", DataType.LARGEINT, defaultValue(DefaultValue.expression("uuid_numeric()")))
                            .column("created", DATETIME, nullable(), defaultValue(DefaultValue.CURRENT_TIMESTAMP))
                            .column("nick", varchar(32), defaultValue(DefaultValue.NULL))
                            .column("score", INT, defaultValue("0"), comment("points"))
                            .column("score2", INT, nullable(), generatedAs("  `score`\n\t*  2 "), comment("derived"))
                            .primaryKey("id")
                            .distributedByHash("id")
                            .build(),
                        """
                                CREATE TABLE `users` (
                                  `id` BIGINT NOT NULL AUTO_INCREMENT,
                                  `uid` VARCHAR(36) NOT NULL DEFAULT (uuid()),
                                  `uid_number` LARGEINT DEFAULT (uuid_numeric()),
                                  `created` DATETIME NULL DEFAULT CURRENT_TIMESTAMP,
                                  `nick` VARCHAR(32) DEFAULT NULL,
                                  `score` INT DEFAULT "0" COMMENT "points",
                                  `score2` INT NULL AS `score` * 2 COMMENT "derived"
                                )
                                PRIMARY KEY(`id`)
                                DISTRIBUTED BY HASH(`id`)"""),
                create("column-level KEY marker; an empty comment is no comment", Table.builder("marked")
                    .column("k", INT, key(), comment(""))
                    .column("v", STRING)
                    .duplicateKey("k")
                    .build(), """
                        CREATE TABLE `marked` (
                          `k` INT KEY,
                          `v` STRING
                        )
                        DUPLICATE KEY(`k`)"""),
                create("every scalar type, legacy decimals, display width, nested types", Table.builder("types")
                    .column("c_bool", DataType.BOOLEAN)
                    .column("c_tiny", DataType.TINYINT)
                    .column("c_small", DataType.SMALLINT)
                    .column("c_int", ScalarType.of(ScalarKind.INT, 11))
                    .column("c_big", BIGINT)
                    .column("c_large", DataType.LARGEINT)
                    .column("c_float", DataType.FLOAT)
                    .column("c_double", DataType.DOUBLE)
                    .column("c_dec", decimal(27, 9))
                    .column("c_dec32", ScalarType.of(ScalarKind.DECIMAL32, 9, 2))
                    .column("c_dec64", ScalarType.of(ScalarKind.DECIMAL64, 18, 4))
                    .column("c_dec128", ScalarType.of(ScalarKind.DECIMAL128, 38, 10))
                    .column("c_date", DATE)
                    .column("c_dt", DATETIME)
                    .column("c_char", DataType.chars(10))
                    .column("c_varchar", varchar(1048576))
                    .column("c_string", STRING)
                    .column("c_binary", DataType.binary(16))
                    .column("c_varbinary", DataType.varbinary(1024))
                    .column("c_json", DataType.JSON)
                    .column("c_array", array(array(INT)))
                    .column("c_map", map(varchar(20), decimal(10, 2)))
                    .column("c_struct",
                            struct(field("a", INT), field("b", array(STRING)), field("c", map(INT, struct(field("x", DATE))))))
                    .build(), """
                        CREATE TABLE `types` (
                          `c_bool` BOOLEAN,
                          `c_tiny` TINYINT,
                          `c_small` SMALLINT,
                          `c_int` INT(11),
                          `c_big` BIGINT,
                          `c_large` LARGEINT,
                          `c_float` FLOAT,
                          `c_double` DOUBLE,
                          `c_dec` DECIMAL(27, 9),
                          `c_dec32` DECIMAL32(9, 2),
                          `c_dec64` DECIMAL64(18, 4),
                          `c_dec128` DECIMAL128(38, 10),
                          `c_date` DATE,
                          `c_dt` DATETIME,
                          `c_char` CHAR(10),
                          `c_varchar` VARCHAR(1048576),
                          `c_string` STRING,
                          `c_binary` BINARY(16),
                          `c_varbinary` VARBINARY(1024),
                          `c_json` JSON,
                          `c_array` ARRAY<ARRAY<INT>>,
                          `c_map` MAP<VARCHAR(20), DECIMAL(10, 2)>,
                          `c_struct` STRUCT<`a` INT, `b` ARRAY<STRING>, `c` MAP<INT, STRUCT<`x` DATE>>>
                        )"""),
                create("BITMAP index", eventTable("bitmap_indexed")
                    .index(new IndexDef("idx_city", List.of("city"), IndexType.BITMAP, Map.of(), "city lookups"))
                    .build(), """
                        CREATE TABLE `bitmap_indexed` (
                          `dt` DATE NOT NULL,
                          `city` VARCHAR(32) NOT NULL,
                          `v` INT,
                          INDEX `idx_city` (`city`) USING BITMAP COMMENT "city lookups"
                        )
                        DUPLICATE KEY(`dt`, `city`)"""),
                create("GIN and NGRAMBF indexes with properties (3.3+)", eventTable("text_indexed")
                    .column("note", varchar(64))
                    .index(new IndexDef("idx_gin", List.of("note"), IndexType.GIN, Map.of("parser", "english"), null))
                    .index(new IndexDef("idx_ngram", List.of("city"), IndexType.NGRAMBF,
                            ordered("gram_num", "4", "bloom_filter_fpp", "0.05"), ""))
                    .build(), """
                        CREATE TABLE `text_indexed` (
                          `dt` DATE NOT NULL,
                          `city` VARCHAR(32) NOT NULL,
                          `v` INT,
                          `note` VARCHAR(64),
                          INDEX `idx_gin` (`note`) USING GIN ("parser" = "english"),
                          INDEX `idx_ngram` (`city`) USING NGRAMBF ("gram_num" = "4", "bloom_filter_fpp" = "0.05")
                        )
                        DUPLICATE KEY(`dt`, `city`)"""),
                create("HASH without buckets, RANDOM without buckets", Table.builder("auto_buckets")
                    .column("a", INT)
                    .distributedByRandom()
                    .build(), """
                        CREATE TABLE `auto_buckets` (
                          `a` INT
                        )
                        DISTRIBUTED BY RANDOM"""),
                new Example("CREATE TABLE IF NOT EXISTS with database qualifier",
                        new CreateObject("sales", Table.builder("t").column("a", INT).build(), true, false), """
                                CREATE TABLE IF NOT EXISTS `sales`.`t` (
                                  `a` INT
                                )"""));
    }

    static List<Example> partitions() {
        return List.of(create("RANGE partitions: LESS THAN and MAXVALUE", eventTable("r1")
            .partitionBy(RangePartitionDesc.of("dt", RangePartition.lessThan("p2023", "2024-01-01"),
                    RangePartition.maxValue("pmax")))
            .distributedByHash(4, "city")
            .build(), """
                CREATE TABLE `r1` (
                  `dt` DATE NOT NULL,
                  `city` VARCHAR(32) NOT NULL,
                  `v` INT
                )
                DUPLICATE KEY(`dt`, `city`)
                PARTITION BY RANGE(`dt`) (
                  PARTITION `p2023` VALUES LESS THAN ("2024-01-01"),
                  PARTITION `pmax` VALUES LESS THAN MAXVALUE
                )
                DISTRIBUTED BY HASH(`city`) BUCKETS 4"""),
                create("RANGE partitions: fixed multi-column ranges", eventTable("r2")
                    .partitionBy(new RangePartitionDesc(List.of("dt", "city"), List.of(
                            new RangePartition.Fixed("p1", List.of("2024-01-01", "a"), List.of("2024-02-01", "m")),
                            new RangePartition.LessThan("p2", List.of("2024-03-01")))))
                    .build(), """
                        CREATE TABLE `r2` (
                          `dt` DATE NOT NULL,
                          `city` VARCHAR(32) NOT NULL,
                          `v` INT
                        )
                        DUPLICATE KEY(`dt`, `city`)
                        PARTITION BY RANGE(`dt`, `city`) (
                          PARTITION `p1` VALUES [("2024-01-01", "a"), ("2024-02-01", "m")),
                          PARTITION `p2` VALUES LESS THAN ("2024-03-01")
                        )"""),
                create("RANGE partitions: batch by time and by integer step", Table.builder("r3")
                    .column("dt", DATE)
                    .column("n", INT)
                    .partitionBy(RangePartitionDesc.of("dt", RangePartition.fixed("p0", "2023-01-01", "2024-01-01"),
                            RangePartition.batch("2024-01-01", "2025-01-01", Interval.of(1, IntervalUnit.MONTH))))
                    .build(), """
                        CREATE TABLE `r3` (
                          `dt` DATE,
                          `n` INT
                        )
                        PARTITION BY RANGE(`dt`) (
                          PARTITION `p0` VALUES [("2023-01-01"), ("2024-01-01")),
                          START ("2024-01-01") END ("2025-01-01") EVERY (INTERVAL 1 MONTH)
                        )"""),
                create("RANGE partitions: integer batch", Table.builder("r4")
                    .column("n", INT)
                    .partitionBy(RangePartitionDesc.of("n", RangePartition.batch("1", "100", Interval.step(10))))
                    .build(), """
                        CREATE TABLE `r4` (
                          `n` INT
                        )
                        PARTITION BY RANGE(`n`) (
                          START ("1") END ("100") EVERY (10)
                        )"""),
                create("RANGE partitioning with dynamic partition properties and no initial partition",
                        eventTable("r5").partitionBy(RangePartitionDesc.of("dt"))
                            .distributedByHash(2, "city")
                            .property("dynamic_partition.enable", "true")
                            .property("dynamic_partition.time_unit", "DAY")
                            .property("dynamic_partition.start", "-3")
                            .property("dynamic_partition.end", "3")
                            .property("dynamic_partition.prefix", "p")
                            .build(),
                        """
                                CREATE TABLE `r5` (
                                  `dt` DATE NOT NULL,
                                  `city` VARCHAR(32) NOT NULL,
                                  `v` INT
                                )
                                DUPLICATE KEY(`dt`, `city`)
                                PARTITION BY RANGE(`dt`) ()
                                DISTRIBUTED BY HASH(`city`) BUCKETS 2
                                PROPERTIES (
                                "dynamic_partition.enable" = "true",
                                "dynamic_partition.time_unit" = "DAY",
                                "dynamic_partition.start" = "-3",
                                "dynamic_partition.end" = "3",
                                "dynamic_partition.prefix" = "p"
                                )"""),
                create("LIST partitions: single column", eventTable("l1")
                    .partitionBy(ListPartitionDesc.of("city", ListPartition.of("p_north", "Oslo", "Bergen"),
                            ListPartition.of("p_south", "Rome")))
                    .build(), """
                        CREATE TABLE `l1` (
                          `dt` DATE NOT NULL,
                          `city` VARCHAR(32) NOT NULL,
                          `v` INT
                        )
                        DUPLICATE KEY(`dt`, `city`)
                        PARTITION BY LIST(`city`) (
                          PARTITION `p_north` VALUES IN ("Oslo", "Bergen"),
                          PARTITION `p_south` VALUES IN ("Rome")
                        )"""),
                create("LIST partitions: multi-column", eventTable("l2")
                    .partitionBy(new ListPartitionDesc(List.of("dt", "city"),
                            List.of(new ListPartition("p1",
                                    List.of(List.of("2024-01-01", "Oslo"), List.of("2024-01-02", "Oslo"))))))
                    .build(), """
                        CREATE TABLE `l2` (
                          `dt` DATE NOT NULL,
                          `city` VARCHAR(32) NOT NULL,
                          `v` INT
                        )
                        DUPLICATE KEY(`dt`, `city`)
                        PARTITION BY LIST(`dt`, `city`) (
                          PARTITION `p1` VALUES IN (("2024-01-01", "Oslo"), ("2024-01-02", "Oslo"))
                        )"""),
                create("expression partitioning: date_trunc", eventTable("e1")
                    .partitionBy(ExpressionPartitionDesc.dateTrunc(IntervalUnit.DAY, "dt"))
                    .build(), """
                        CREATE TABLE `e1` (
                          `dt` DATE NOT NULL,
                          `city` VARCHAR(32) NOT NULL,
                          `v` INT
                        )
                        DUPLICATE KEY(`dt`, `city`)
                        PARTITION BY date_trunc('day', `dt`)"""),
                create("expression partitioning: time_slice", Table.builder("e2")
                    .column("ts", DATETIME, notNull())
                    .partitionBy(ExpressionPartitionDesc.timeSlice("ts", Interval.of(6, IntervalUnit.HOUR)))
                    .build(), """
                        CREATE TABLE `e2` (
                          `ts` DATETIME NOT NULL
                        )
                        PARTITION BY time_slice(`ts`, INTERVAL 6 HOUR)"""),
                create("expression partitioning: column list", eventTable("e3")
                    .partitionBy(ExpressionPartitionDesc.columns("dt", "city"))
                    .build(), """
                        CREATE TABLE `e3` (
                          `dt` DATE NOT NULL,
                          `city` VARCHAR(32) NOT NULL,
                          `v` INT
                        )
                        DUPLICATE KEY(`dt`, `city`)
                        PARTITION BY (`dt`, `city`)"""),
                create("expression partitioning: mixed list (3.4+)", eventTable("e4")
                    .partitionBy(new ExpressionPartitionDesc(List.of("date_trunc('month',  `dt`)", "`city`")))
                    .build(), """
                        CREATE TABLE `e4` (
                          `dt` DATE NOT NULL,
                          `city` VARCHAR(32) NOT NULL,
                          `v` INT
                        )
                        DUPLICATE KEY(`dt`, `city`)
                        PARTITION BY (date_trunc('month', `dt`), `city`)"""));
    }

    static List<Example> views() {
        return List.of(create("view: name and query only", View.of("v_one", "SELECT 1"), """
                CREATE VIEW `v_one`
                AS SELECT 1"""),
                new Example("view: OR REPLACE, qualified, columns with comments, COMMENT, SECURITY INVOKER",
                        new CreateObject("sales",
                                new View("v_orders",
                                        List.of(new ViewColumn("id", "order id"), ViewColumn.of("total")),
                                        "orders with totals", ViewSecurity.INVOKER,
                                        "SELECT id, amount AS total\nFROM orders\nWHERE amount > 0"),
                                false, true),
                        """
                                CREATE OR REPLACE VIEW `sales`.`v_orders` (
                                  `id` COMMENT "order id",
                                  `total`
                                )
                                COMMENT "orders with totals"
                                SECURITY INVOKER
                                AS SELECT id, amount AS total
                                FROM orders
                                WHERE amount > 0"""),
                new Example("view: IF NOT EXISTS, SECURITY NONE",
                        CreateObject.ifNotExists(new View("v_none", List.of(), null, ViewSecurity.NONE,
                                "  SELECT 'a;b' AS s -- trailing words\n ")),
                        """
                                CREATE VIEW IF NOT EXISTS `v_none`
                                SECURITY NONE
                                AS SELECT 'a;b' AS s -- trailing words
                                """),
                create("view: COMMENT only", new View("v_commented", List.of(), "just a comment", null,
                        "SELECT 1 AS one"), """
                                CREATE VIEW `v_commented`
                                COMMENT "just a comment"
                                AS SELECT 1 AS one"""));
    }

    static List<Example> materializedViews() {
        return List.of(create("materialized view: every clause", MaterializedView
            .builder("mv_daily", "SELECT dt, city, sum(v) AS total\nFROM events\nGROUP BY dt, city")
            .column("dt", "day")
            .column("city", null)
            .column("total", "sum of v")
            .comment("daily totals")
            .partitionBy(ExpressionPartitionDesc.dateTrunc(IntervalUnit.MONTH, "dt"))
            .distributedBy(new HashDistribution(List.of("city"), 4))
            .orderBy("city")
            .refresh(new RefreshScheme(RefreshMoment.DEFERRED, RefreshType.ASYNC, "2024-01-01 00:00:00",
                    Interval.of(1, IntervalUnit.HOUR)))
            .property("replication_num", "1")
            .property("partition_refresh_number", "3")
            .build(), """
                CREATE MATERIALIZED VIEW `mv_daily` (
                  `dt` COMMENT "day",
                  `city`,
                  `total` COMMENT "sum of v"
                )
                COMMENT "daily totals"
                PARTITION BY date_trunc('month', `dt`)
                DISTRIBUTED BY HASH(`city`) BUCKETS 4
                ORDER BY(`city`)
                REFRESH DEFERRED ASYNC START("2024-01-01 00:00:00") EVERY(INTERVAL 1 HOUR)
                PROPERTIES (
                "replication_num" = "1",
                "partition_refresh_number" = "3"
                )
                AS SELECT dt, city, sum(v) AS total
                FROM events
                GROUP BY dt, city"""),
                create("materialized view: REFRESH MANUAL, partition by column",
                        MaterializedView.builder("mv_manual", "SELECT dt, v FROM events")
                            .partitionBy(ExpressionPartitionDesc.columns("dt"))
                            .refresh(RefreshScheme.manual())
                            .build(),
                        """
                                CREATE MATERIALIZED VIEW `mv_manual`
                                PARTITION BY (`dt`)
                                REFRESH MANUAL
                                AS SELECT dt, v FROM events"""),
                create("materialized view: REFRESH IMMEDIATE ASYNC, random distribution",
                        MaterializedView.builder("mv_async", "SELECT 1 AS one")
                            .distributedBy(new RandomDistribution(null))
                            .refresh(new RefreshScheme(RefreshMoment.IMMEDIATE, RefreshType.ASYNC, null, null))
                            .build(),
                        """
                                CREATE MATERIALIZED VIEW `mv_async`
                                DISTRIBUTED BY RANDOM
                                REFRESH IMMEDIATE ASYNC
                                AS SELECT 1 AS one"""),
                create("materialized view: REFRESH ASYNC EVERY", MaterializedView.builder("mv_every", "SELECT 1 AS one")
                    .refresh(RefreshScheme.asyncEvery(Interval.of(30, IntervalUnit.MINUTE)))
                    .build(), """
                        CREATE MATERIALIZED VIEW `mv_every`
                        REFRESH ASYNC EVERY(INTERVAL 30 MINUTE)
                        AS SELECT 1 AS one"""),
                new Example("materialized view: IF NOT EXISTS, plain",
                        CreateObject.ifNotExists(MaterializedView.builder("mv_plain", "SELECT 1 AS one").build()), """
                                CREATE MATERIALIZED VIEW IF NOT EXISTS `mv_plain`
                                AS SELECT 1 AS one"""));
    }

    private static Example alter(String name, AlterClause clause, String sql) {
        return new Example(name, AlterTable.of("orders", clause), sql);
    }

    static List<Example> alterTables() {
        Column note = Column.of("note", varchar(200), nullable(), comment("free text"));
        return List.of(
                alter("ADD COLUMN ... AFTER", new AlterClause.AddColumn(note, ColumnPosition.after("amount")),
                        "ALTER TABLE `orders` ADD COLUMN `note` VARCHAR(200) NULL COMMENT \"free text\" AFTER `amount`"),
                alter("ADD COLUMN ... FIRST",
                        new AlterClause.AddColumn(Column.of("k", INT, notNull(), defaultValue("0")), ColumnPosition.first()),
                        "ALTER TABLE `orders` ADD COLUMN `k` INT NOT NULL DEFAULT \"0\" FIRST"),
                alter("ADD COLUMN at the end", new AlterClause.AddColumn(Column.of("flag", DataType.BOOLEAN), null),
                        "ALTER TABLE `orders` ADD COLUMN `flag` BOOLEAN"),
                alter("DROP COLUMN", new AlterClause.DropColumn("note"), "ALTER TABLE `orders` DROP COLUMN `note`"),
                alter("MODIFY COLUMN with position",
                        new AlterClause.ModifyColumn(Column.of("amount", decimal(12, 2), nullable()),
                                ColumnPosition.after("id")),
                        "ALTER TABLE `orders` MODIFY COLUMN `amount` DECIMAL(12, 2) NULL AFTER `id`"),
                alter("MODIFY COLUMN type only", new AlterClause.ModifyColumn(Column.of("note", varchar(500)), null),
                        "ALTER TABLE `orders` MODIFY COLUMN `note` VARCHAR(500)"),
                alter("RENAME COLUMN (3.3+)", new AlterClause.RenameColumn("note", "remark"),
                        "ALTER TABLE `orders` RENAME COLUMN `note` TO `remark`"),
                new Example("several column changes in one ALTER TABLE",
                        AlterTable.of("orders", new AlterClause.AddColumn(note, ColumnPosition.after("amount")),
                                new AlterClause.DropColumn("legacy"),
                                new AlterClause.ModifyColumn(Column.of("amount", decimal(12, 2)), null)),
                        """
                                ALTER TABLE `orders`
                                  ADD COLUMN `note` VARCHAR(200) NULL COMMENT "free text" AFTER `amount`,
                                  DROP COLUMN `legacy`,
                                  MODIFY COLUMN `amount` DECIMAL(12, 2)"""),
                alter("table COMMENT", new AlterClause.SetComment("all orders"),
                        "ALTER TABLE `orders` COMMENT = \"all orders\""),
                alter("SET one property", new AlterClause.SetProperties(Map.of("replication_num", "3")),
                        "ALTER TABLE `orders` SET (\"replication_num\" = \"3\")"),
                alter("SET several properties",
                        new AlterClause.SetProperties(ordered("dynamic_partition.enable", "false", "storage_medium", "SSD")),
                        "ALTER TABLE `orders` SET (\"dynamic_partition.enable\" = \"false\", \"storage_medium\" = \"SSD\")"),
                alter("DISTRIBUTED BY HASH", new AlterClause.ModifyDistribution(new HashDistribution(List.of("id"), 16)),
                        "ALTER TABLE `orders` DISTRIBUTED BY HASH(`id`) BUCKETS 16"),
                alter("DISTRIBUTED BY RANDOM", new AlterClause.ModifyDistribution(new RandomDistribution(null)),
                        "ALTER TABLE `orders` DISTRIBUTED BY RANDOM"),
                alter("ORDER BY", new AlterClause.ModifyOrderBy(List.of("id", "amount")),
                        "ALTER TABLE `orders` ORDER BY (`id`, `amount`)"),
                alter("ADD PARTITION LESS THAN",
                        new AlterClause.AddPartition(RangePartition.lessThan("p2025", "2026-01-01"), false),
                        "ALTER TABLE `orders` ADD PARTITION `p2025` VALUES LESS THAN (\"2026-01-01\")"),
                alter("ADD PARTITION IF NOT EXISTS fixed range",
                        new AlterClause.AddPartition(RangePartition.fixed("p202601", "2026-01-01", "2026-02-01"), true),
                        "ALTER TABLE `orders` ADD PARTITION IF NOT EXISTS `p202601` VALUES [(\"2026-01-01\"), (\"2026-02-01\"))"),
                alter("ADD PARTITIONS batch",
                        new AlterClause.AddPartition(RangePartition.batch("2026-01-01", "2026-04-01",
                                Interval.of(1, IntervalUnit.MONTH)), false),
                        "ALTER TABLE `orders` ADD PARTITIONS START (\"2026-01-01\") END (\"2026-04-01\") EVERY (INTERVAL 1 MONTH)"),
                alter("ADD PARTITION list", new AlterClause.AddPartition(ListPartition.of("p_east", "Tokyo", "Seoul"), false),
                        "ALTER TABLE `orders` ADD PARTITION `p_east` VALUES IN (\"Tokyo\", \"Seoul\")"),
                alter("DROP PARTITION IF EXISTS FORCE", new AlterClause.DropPartition("p2020", true, true),
                        "ALTER TABLE `orders` DROP PARTITION IF EXISTS `p2020` FORCE"),
                alter("DROP PARTITION", new AlterClause.DropPartition("p2021", false, false),
                        "ALTER TABLE `orders` DROP PARTITION `p2021`"),
                alter("ADD INDEX BITMAP", new AlterClause.AddIndex(IndexDef.bitmap("idx_note", "note")),
                        "ALTER TABLE `orders` ADD INDEX `idx_note` (`note`) USING BITMAP"),
                alter("ADD INDEX GIN (3.3+)",
                        new AlterClause.AddIndex(new IndexDef("idx_text", List.of("note"), IndexType.GIN,
                                Map.of("parser", "standard"), "full text")),
                        "ALTER TABLE `orders` ADD INDEX `idx_text` (`note`) USING GIN (\"parser\" = \"standard\") COMMENT \"full text\""),
                alter("DROP INDEX", new AlterClause.DropIndex("idx_note"), "ALTER TABLE `orders` DROP INDEX `idx_note`"),
                alter("RENAME table", new AlterClause.RenameTable("orders_v2"), "ALTER TABLE `orders` RENAME `orders_v2`"),
                alter("SWAP WITH", new AlterClause.SwapWith("orders_new"), "ALTER TABLE `orders` SWAP WITH `orders_new`"),
                new Example("ALTER TABLE qualified",
                        new AlterTable(ObjectName.of("sales", "orders"), List.of(new AlterClause.DropColumn("x"))),
                        "ALTER TABLE `sales`.`orders` DROP COLUMN `x`"));
    }

    static List<Example> otherStatements() {
        ObjectName mv = ObjectName.of("mv_daily");
        return List.of(
                new Example("ALTER VIEW with columns",
                        new AlterView(ObjectName.of("v_orders"), List.of(new ViewColumn("id", "order id")),
                                "SELECT id FROM orders"),
                        """
                                ALTER VIEW `v_orders` (
                                  `id` COMMENT "order id"
                                )
                                AS SELECT id FROM orders"""),
                new Example("ALTER VIEW qualified, no columns",
                        new AlterView(ObjectName.of("sales", "v_orders"), List.of(), "SELECT 2"), """
                                ALTER VIEW `sales`.`v_orders`
                                AS SELECT 2"""),
                new Example("ALTER MATERIALIZED VIEW REFRESH ASYNC EVERY",
                        new AlterMaterializedView(mv, new MaterializedViewAction.Refresh(
                                RefreshScheme.asyncEvery(Interval.of(1, IntervalUnit.DAY)))),
                        "ALTER MATERIALIZED VIEW `mv_daily` REFRESH ASYNC EVERY(INTERVAL 1 DAY)"),
                new Example("ALTER MATERIALIZED VIEW REFRESH MANUAL",
                        new AlterMaterializedView(mv, new MaterializedViewAction.Refresh(RefreshScheme.manual())),
                        "ALTER MATERIALIZED VIEW `mv_daily` REFRESH MANUAL"),
                new Example("ALTER MATERIALIZED VIEW SET",
                        new AlterMaterializedView(mv,
                                new MaterializedViewAction.SetProperties(Map.of("session.query_timeout", "600"))),
                        "ALTER MATERIALIZED VIEW `mv_daily` SET (\"session.query_timeout\" = \"600\")"),
                new Example("ALTER MATERIALIZED VIEW RENAME",
                        new AlterMaterializedView(mv, new MaterializedViewAction.Rename("mv_day")),
                        "ALTER MATERIALIZED VIEW `mv_daily` RENAME `mv_day`"),
                new Example("ALTER MATERIALIZED VIEW ACTIVE",
                        new AlterMaterializedView(mv, new MaterializedViewAction.Active()),
                        "ALTER MATERIALIZED VIEW `mv_daily` ACTIVE"),
                new Example("ALTER MATERIALIZED VIEW INACTIVE",
                        new AlterMaterializedView(ObjectName.of("sales", "mv_daily"),
                                new MaterializedViewAction.Inactive()),
                        "ALTER MATERIALIZED VIEW `sales`.`mv_daily` INACTIVE"),
                new Example("ALTER MATERIALIZED VIEW SWAP WITH",
                        new AlterMaterializedView(mv, new MaterializedViewAction.SwapWith("mv_daily_new")),
                        "ALTER MATERIALIZED VIEW `mv_daily` SWAP WITH `mv_daily_new`"),
                new Example("DROP TABLE IF EXISTS ... FORCE",
                        new DropObject(ObjectKind.TABLE, ObjectName.of("sales", "orders"), true, true),
                        "DROP TABLE IF EXISTS `sales`.`orders` FORCE"),
                new Example("DROP TABLE", new DropObject(ObjectKind.TABLE, ObjectName.of("orders"), false, false),
                        "DROP TABLE `orders`"),
                new Example("DROP VIEW", new DropObject(ObjectKind.VIEW, ObjectName.of("v_orders"), false, false),
                        "DROP VIEW `v_orders`"),
                new Example("DROP MATERIALIZED VIEW IF EXISTS",
                        new DropObject(ObjectKind.MATERIALIZED_VIEW, mv, true, false),
                        "DROP MATERIALIZED VIEW IF EXISTS `mv_daily`"),
                new Example("TRUNCATE TABLE", new TruncateTable(ObjectName.of("orders"), List.of()),
                        "TRUNCATE TABLE `orders`"),
                new Example("TRUNCATE TABLE partitions",
                        new TruncateTable(ObjectName.of("sales", "orders"), List.of("p1", "p2")),
                        "TRUNCATE TABLE `sales`.`orders` PARTITION (`p1`, `p2`)"),
                new Example("CREATE DATABASE", new CreateDatabase("sales", false), "CREATE DATABASE `sales`"),
                new Example("CREATE DATABASE IF NOT EXISTS", new CreateDatabase("sales", true),
                        "CREATE DATABASE IF NOT EXISTS `sales`"),
                new Example("DROP DATABASE", new DropDatabase("sales", false, false), "DROP DATABASE `sales`"),
                new Example("DROP DATABASE IF EXISTS FORCE", new DropDatabase("sales", true, true),
                        "DROP DATABASE IF EXISTS `sales` FORCE"));
    }

    static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

}
