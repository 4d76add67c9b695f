package io.github.srboot.benchmarks;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.datatype.jsr310.ser.LocalDateTimeSerializer;

import io.github.srboot.test.streamload.StubTable;

/**
 * The benchmark workload: a 10-column order row (ints, decimals, strings, datetimes), generated deterministically
 * from its number, and the plain Jackson set-up a caller of the official SDK (and the encoding anchor) uses.
 */
final class Orders {

    static final String DATABASE = "bench";

    static final String TABLE = "orders";

    /** The text StarRocks parses for DATETIME, as a caller would configure Jackson for it. */
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss",
            Locale.ROOT);

    private static final LocalDateTime EPOCH = LocalDateTime.of(2024, 1, 1, 0, 0);

    private static final String[] STATUSES = { "NEW", "PAID", "PACKED", "SHIPPED", "DELIVERED", "RETURNED" };

    private static final String[] CITIES = { "Berlin", "Paris", "Lisboa", "Zürich", "São Paulo", "Kraków",
        "Osaka", "Toronto", "Nairobi", "Melbourne", "Chicago", "Reykjavík" };

    private static final String[] CUSTOMERS = new String[10_000];

    static {
        for (int i = 0; i < CUSTOMERS.length; i++) {
            CUSTOMERS[i] = "customer-" + i + "@example.com";
        }
    }

    private Orders() {
    }

    /** One order row; the component order is the table's column order. */
    @JsonPropertyOrder({ "orderId", "customerId", "quantity", "unitPrice", "total", "status", "customer", "shipCity",
        "createdAt", "shippedAt" })
    record Order(long orderId, int customerId, int quantity, BigDecimal unitPrice, BigDecimal total, String status,
            String customer, String shipCity, LocalDateTime createdAt, LocalDateTime shippedAt) {
    }

    /** Order number {@code i}: the same values every time, so that every client sends the same rows. */
    static Order order(long i) {
        int customer = (int) (i % CUSTOMERS.length);
        int quantity = 1 + (int) (i % 20);
        long cents = 199 + (i * 7919) % 500_000;
        LocalDateTime created = EPOCH.plusSeconds(i);
        return new Order(i, customer, quantity, BigDecimal.valueOf(cents, 2), BigDecimal.valueOf(cents * quantity, 2),
                STATUSES[(int) (i % STATUSES.length)], CUSTOMERS[customer], CITIES[(int) (i % CITIES.length)], created,
                ((i & 3) == 0) ? null : created.plusHours(36));
    }

    /** The stub table the rows load into. */
    static StubTable table() {
        return StubTable.builder(DATABASE, TABLE)
            .column("orderId", "BIGINT")
            .column("customerId", "INT")
            .column("quantity", "INT")
            .column("unitPrice", "DECIMAL(10,2)")
            .column("total", "DECIMAL(14,2)")
            .column("status", "VARCHAR(16)")
            .column("customer", "VARCHAR(64)")
            .column("shipCity", "VARCHAR(64)")
            .column("createdAt", "DATETIME")
            .column("shippedAt", "DATETIME")
            .duplicateKey("orderId")
            .build();
    }

    /** Plain Jackson for JSON rows: DATETIME text, decimals in plain notation. */
    static ObjectMapper jsonMapper() {
        return new ObjectMapper().registerModule(dateTimes())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    }

    /** Plain {@code jackson-dataformat-csv}: tab-separated, {@code \N} for null, as StarRocks reads CSV. */
    static CsvMapper csvMapper() {
        CsvMapper mapper = new CsvMapper();
        mapper.registerModule(dateTimes());
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        return mapper;
    }

    static CsvSchema csvSchema(CsvMapper mapper) {
        return mapper.schemaFor(Order.class)
            .withoutHeader()
            .withColumnSeparator('\t')
            .withLineSeparator("\n")
            .withNullValue("\\N")
            .withoutQuoteChar()
            .withoutEscapeChar();
    }

    private static SimpleModule dateTimes() {
        SimpleModule module = new SimpleModule("starrocks-datetime");
        module.addSerializer(LocalDateTime.class, new LocalDateTimeSerializer(DATE_TIME));
        return module;
    }

}
