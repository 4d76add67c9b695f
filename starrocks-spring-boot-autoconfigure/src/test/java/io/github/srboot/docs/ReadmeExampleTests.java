package io.github.srboot.docs;

import java.util.List;

import io.github.srboot.ddl.AlterClause;
import io.github.srboot.ddl.AlterTable;
import io.github.srboot.ddl.Column;
import io.github.srboot.ddl.DataType;
import io.github.srboot.ddl.Ddl;
import io.github.srboot.ddl.ObjectName;
import io.github.srboot.ddl.Table;
import org.junit.jupiter.api.Test;

import static io.github.srboot.ddl.ColumnOption.notNull;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model code shown in README.md compiles and renders what the README promises.
 */
class ReadmeExampleTests {

    @Test
    void ordersTableFromTheReadme() {
        Table orders = Table.builder("orders")
            .column("id", DataType.BIGINT, notNull())
            .column("status", DataType.varchar(20))
            .column("amount", DataType.decimal(10, 2))
            .primaryKey("id")
            .distributedByHash(8, "id")
            .property("replication_num", "1")
            .build();

        assertThat(Ddl.render(orders)).isEqualTo("""
                CREATE TABLE `orders` (
                  `id` BIGINT NOT NULL,
                  `status` VARCHAR(20),
                  `amount` DECIMAL(10, 2)
                )
                PRIMARY KEY(`id`)
                DISTRIBUTED BY HASH(`id`) BUCKETS 8
                PROPERTIES (
                "replication_num" = "1"
                )""");
        assertThat(Ddl.parse(Ddl.render(orders))).containsExactly(orders);
    }

    @Test
    void addColumnFromTheReadme() {
        AlterTable addNote = new AlterTable(ObjectName.of("shop", "orders"),
                List.of(new AlterClause.AddColumn(Column.of("note", DataType.STRING), null)));

        assertThat(Ddl.render(addNote)).isEqualTo("ALTER TABLE `shop`.`orders` ADD COLUMN `note` STRING");
    }

}
