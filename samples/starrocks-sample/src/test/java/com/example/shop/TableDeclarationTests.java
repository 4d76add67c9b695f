package com.example.shop;

import java.util.List;
import java.util.Optional;

import io.github.srboot.ddl.AlterClause;
import io.github.srboot.ddl.AlterTable;
import io.github.srboot.ddl.Column;
import io.github.srboot.ddl.DataType;
import io.github.srboot.ddl.Ddl;
import io.github.srboot.ddl.ExpressionPartitionDesc;
import io.github.srboot.ddl.IntervalUnit;
import io.github.srboot.ddl.ObjectName;
import io.github.srboot.ddl.SchemaObject;
import io.github.srboot.ddl.Table;
import io.github.srboot.jdbc.AlterJob;
import io.github.srboot.jdbc.StarRocksTemplate;
import org.junit.jupiter.api.Test;

import static io.github.srboot.ddl.ColumnOption.comment;
import static io.github.srboot.ddl.ColumnOption.notNull;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * README examples: the DDL model, the template and reflection. The model part runs here; the template part needs
 * a StarRocks and is compiled only.
 */
class TableDeclarationTests {

    @Test
    void declareRenderAndParseATable() {
        // tag::ddl-model[]
        Table orders = Table.builder("orders")
            .column("id", DataType.BIGINT, notNull())
            .column("order_date", DataType.DATE, notNull())
            .column("status", DataType.varchar(16), comment("new, paid, shipped or cancelled"))
            .column("amount", DataType.decimal(12, 2))
            .primaryKey("id", "order_date")
            .partitionBy(ExpressionPartitionDesc.dateTrunc(IntervalUnit.DAY, "order_date"))
            .distributedByHash(4, "id")
            .property("replication_num", "1")
            .build();

        String sql = Ddl.render(orders);                // the one printer: every name quoted, every literal escaped
        List<SchemaObject> parsed = Ddl.parse(sql);     // StarRocks DDL (yours, or SHOW CREATE's) into the model
        // end::ddl-model[]

        assertThat(sql).isEqualTo("""
                CREATE TABLE `orders` (
                  `id` BIGINT NOT NULL,
                  `order_date` DATE NOT NULL,
                  `status` VARCHAR(16) COMMENT "new, paid, shipped or cancelled",
                  `amount` DECIMAL(12, 2)
                )
                PRIMARY KEY(`id`, `order_date`)
                PARTITION BY date_trunc('day', `order_date`)
                DISTRIBUTED BY HASH(`id`) BUCKETS 4
                PROPERTIES (
                "replication_num" = "1"
                )""");
        assertThat(parsed).containsExactly(orders);
    }

    /** Compiled, not run: needs a StarRocks. */
    void manageTables(StarRocksTemplate template, Table orders) {
        // tag::ddl-template[]
        template.createDatabaseIfNotExists("shop");
        template.createIfNotExists("shop", orders);                    // CREATE TABLE IF NOT EXISTS `shop`.`orders` ...
        List<AlterJob> jobs = template.alterAndWait(new AlterTable(    // returns when the schema-change job has ended
                ObjectName.of("shop", "orders"),
                List.of(new AlterClause.AddColumn(Column.of("note", DataType.STRING), null))));
        // end::ddl-template[]
        assertThat(jobs).isNotNull();
    }

    /** Compiled, not run: needs a StarRocks. */
    void reflect(StarRocksTemplate template) {
        // tag::reflection[]
        Optional<SchemaObject> orders = template.describe("shop", "orders");   // Table, View or MaterializedView
        List<SchemaObject> everything = template.describeAll("shop");         // a fixed number of queries
        List<String> tables = template.listTables("shop");
        // end::reflection[]
        assertThat(orders).isNotNull();
        assertThat(everything).isNotNull();
        assertThat(tables).isNotNull();
    }

}
