package io.github.srboot.streamload;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;

import io.github.srboot.test.streamload.StreamLoadStubServer;
import io.github.srboot.test.streamload.StubColumn;
import io.github.srboot.test.streamload.StubEndpoint;
import io.github.srboot.test.streamload.StubTable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The bad-input corpus, end to end through {@code StreamLoadTemplate} and the stub: every input either loads
 * correctly (the stored text is checked) or fails with a typed error that names the offending value; a failed load
 * leaves nothing behind (loads are atomic), so no row disappears unreported.
 *
 * <p>Server-side rules (NOT NULL, type conversion, VARCHAR length, strict mode) follow StarRocks' "Strict mode"
 * documentation: without strict mode an unconvertible value becomes NULL, and NULL in a NOT NULL column filters the
 * row; with {@code max_filter_ratio} 0 (the default) one filtered row fails the load.
 */
class StreamLoadBadInputTest {

    private StreamLoadStubServer stub;

    private StreamLoadTemplate template;

    /** A row of {@code shop.strict}; boxed so that nulls can be sent. */
    record StrictRow(Long id, Integer qty, String name, LocalDateTime at) {
    }

    @BeforeEach
    void start() {
        this.stub = StreamLoadStubServer.builder()
            .table(StubTable.builder(StubTemplates.DATABASE, "strict")
                .column(StubColumn.of("id", "BIGINT").notNull())
                .column(StubColumn.of("qty", "INT").notNull())
                .column("name", "VARCHAR(10)")
                .column("at", "DATETIME")
                .duplicateKey("id")
                .build())
            .table(StubTemplates.appendOnly("texts"))
            .start();
        this.template = StubTemplates.builder(this.stub)
            .batchPolicy(new BatchPolicy(100, 1024, Duration.ofSeconds(30)))
            .build();
    }

    @AfterEach
    void stop() {
        this.template.close();
        this.stub.close();
    }

    @ParameterizedTest
    @EnumSource(LoadFormat.class)
    void nullInANotNullColumnFailsTheLoadNamingTheColumn(LoadFormat format) {
        Flux<StrictRow> rows = Flux.just(new StrictRow(1L, 5, "ok", null), new StrictRow(2L, null, "no qty", null));
        StreamLoadException failure = rejected(() -> this.template.load("strict", rows, options(format)).block());
        assertThat(failure.rejectedRows()).anySatisfy((line) -> assertThat(line)
            .contains("NULL value in non-nullable column 'qty'").contains("no qty"));
        assertThat(this.stub.table(StubTemplates.DATABASE, "strict").rowCount()).isZero();
    }

    @ParameterizedTest
    @EnumSource(LoadFormat.class)
    void aValueOfTheWrongTypeFailsAStrictLoadNamingTheValue(LoadFormat format) {
        Map<String, Object> bad = row(1, "many", "x");
        StreamLoadException failure = rejected(() -> this.template
            .load("strict", Flux.just(row(2, 3, "fine"), bad), options(format).withStrictMode(true)).block());
        assertThat(failure.rejectedRows()).anySatisfy((line) -> assertThat(line).contains("'many'").contains("qty"));
        assertThat(this.stub.table(StubTemplates.DATABASE, "strict").rowCount()).isZero();
    }

    @ParameterizedTest
    @EnumSource(LoadFormat.class)
    void aValueOfTheWrongTypeInANotNullColumnFailsEvenWithoutStrictMode(LoadFormat format) {
        // Without strict mode StarRocks turns 'many' into NULL, and NULL is not allowed in qty.
        StreamLoadException failure = rejected(() -> this.template
            .load("strict", Flux.just(row(1, "many", "x")), options(format)).block());
        assertThat(failure.rejectedRows()).anySatisfy((line) -> assertThat(line).contains("qty").contains("many"));
    }

    @ParameterizedTest
    @EnumSource(LoadFormat.class)
    void anOversizedStringFailsAStrictLoadNamingTheValue(LoadFormat format) {
        String tooLong = "eleven-char";
        StreamLoadException failure = rejected(() -> this.template
            .load("strict", Flux.just(new StrictRow(1L, 1, tooLong, null)), options(format).withStrictMode(true))
            .block());
        assertThat(failure.rejectedRows()).anySatisfy((line) -> assertThat(line).contains(tooLong).contains("name"));
        assertThat(this.stub.table(StubTemplates.DATABASE, "strict").rowCount()).isZero();
    }

    // CSV only: JSON rows go through Jackson, which writes an unpaired surrogate as the escape \uD800 without
    // complaint; whether StarRocks' JSON reader accepts that escape is not recorded, so the JSON case is not claimed.
    @ParameterizedTest
    @EnumSource(value = LoadFormat.class, names = "CSV")
    void invalidUtf16TextIsRefusedBeforeSendingNamingTheValue(LoadFormat format) {
        // A Java string cannot be encoded as UTF-8 when it holds an unpaired surrogate.
        String broken = "bad\uD800text";
        Throwable failure = catchThrowable(() -> this.template
            .load("texts", Flux.just(new StubTemplates.Item(1, "fine"), new StubTemplates.Item(2, broken)),
                    options(format))
            .block());
        assertThat(failure).isNotNull();
        assertThat(messages(failure)).containsIgnoringCase("surrogate").contains(broken);
        assertThat(this.stub.table(StubTemplates.DATABASE, "texts").rowCount()).isZero();
        assertThat(loadRequests()).isZero();
    }

    @ParameterizedTest
    @EnumSource(LoadFormat.class)
    void valuesWithSeparatorsQuotesAndNewlinesLoadUnchanged(LoadFormat format) {
        // The text \N is in JSON only: StarRocks' CSV reader takes it for NULL however it is enclosed or escaped
        // (aTextThatCsvReadsAsNullIsRefusedNamingIt).
        List<String> hostile = new java.util.ArrayList<>(List.of("tab\there", "new\nline", "carriage\rreturn",
                "quote\"inside", "'single'", "back\\slash", "comma,semicolon;pipe|", "\"", "", " padded ",
                "emoji \uD83D\uDE00 ok", "NULL", "null", "\u0000nul"));
        if (format == LoadFormat.JSON) {
            hostile.add("\\N");
        }
        List<StubTemplates.Item> items = new java.util.ArrayList<>();
        for (int i = 0; i < hostile.size(); i++) {
            items.add(new StubTemplates.Item(i, hostile.get(i)));
        }
        LoadResult result = this.template.load("texts", Flux.fromIterable(items), options(format)).block();
        assertThat(result.loadedRows()).isEqualTo(hostile.size());
        for (int i = 0; i < hostile.size(); i++) {
            String expected = hostile.get(i);
            assertThat(this.stub.table(StubTemplates.DATABASE, "texts").row(i)).as("row %d", i)
                .hasValueSatisfying((stored) -> assertThat(stored.get("name")).isEqualTo(expected));
        }
        assertThat(this.stub.table(StubTemplates.DATABASE, "texts").rowCount()).isEqualTo(hostile.size());
    }

    @Test
    void aTextThatCsvReadsAsNullIsRefusedNamingIt() {
        Throwable failure = catchThrowable(() -> this.template.load("texts",
                Flux.just(new StubTemplates.Item(1, "fine"), new StubTemplates.Item(2, "\\N")), LoadOptions.csv())
            .block());
        assertThat(failure).isNotNull();
        assertThat(messages(failure)).contains("\\N");
        assertThat(this.stub.table(StubTemplates.DATABASE, "texts").rowCount()).isZero();
        assertThat(loadRequests()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = { "texts; DROP TABLE texts", "../texts", "a/b", "shop.texts.x", "texts`", "tex ts", "" })
    void hostileTableNamesAreRefusedWithATypedErrorNamingThem(String table) {
        Throwable failure = catchThrowable(() -> this.template
            .load(table, Flux.just(new StubTemplates.Item(1, "x"))).block());
        assertThat(failure).isInstanceOfAny(IllegalArgumentException.class, StreamLoadException.class);
        if (!table.isBlank()) {
            assertThat(messages(failure)).contains(table.contains(".") ? table.substring(table.indexOf('.') + 1)
                    : table);
        }
        assertThat(this.stub.table(StubTemplates.DATABASE, "texts").rowCount()).isZero();
    }

    static List<String> hostileLabels() {
        return List.of("bad label!", "semi;colon", "new\nline", "über", "x".repeat(129));
    }

    @ParameterizedTest
    @MethodSource("hostileLabels")
    void hostileLabelsAreRefusedWithATypedErrorNamingThem(String label) {
        Throwable failure = catchThrowable(() -> this.template
            .load("texts", Flux.just(new StubTemplates.Item(1, "x")), LoadOptions.json().withLabel(label)).block());
        assertThat(failure).isInstanceOfAny(IllegalArgumentException.class, StreamLoadException.class);
        assertThat(messages(failure)).contains(label.length() > 100 ? label.substring(0, 100) : label);
        assertThat(this.stub.table(StubTemplates.DATABASE, "texts").rowCount()).isZero();
    }

    @ParameterizedTest
    @EnumSource(LoadFormat.class)
    void aRowLargerThanTheBatchSizeIsLoadedInABatchOfItsOwn(LoadFormat format) {
        // The batch policy cuts at 1,024 bytes; one row holds 10,000 characters.
        String big = "b".repeat(10_000);
        StubTable wide = StubTable.builder(StubTemplates.DATABASE, "wide").column("id", "BIGINT")
            .column("name", "STRING").duplicateKey("id").build();
        this.stub.createTable(wide);
        List<LoadResult> results = this.template.stream("wide", Flux.just(new StubTemplates.Item(1, "small"),
                new StubTemplates.Item(2, big), new StubTemplates.Item(3, "after")), options(format))
            .collectList()
            .block();
        assertThat(results).extracting(LoadResult::loadedRows).containsExactly(2L, 1L);
        assertThat(this.stub.table(StubTemplates.DATABASE, "wide").row(2))
            .hasValueSatisfying((row) -> assertThat(row.get("name")).isEqualTo(big));
        assertThat(this.stub.table(StubTemplates.DATABASE, "wide").rowCount()).isEqualTo(3);
    }

    @Test
    void anEmptyFluxMakesNoLoadAnywhere() throws Exception {
        assertThat(this.template.load("texts", Flux.empty()).blockOptional()).isEmpty();
        assertThat(this.template.stream("texts", Flux.empty()).collectList().block()).isEmpty();
        try (StreamLoadWriter<StubTemplates.Item> writer = this.template.writer("texts")) {
            writer.flush();
        }
        assertThat(loadRequests()).isZero();
        assertThat(this.stub.table(StubTemplates.DATABASE, "texts").committedLoads()).isZero();
    }

    @Test
    void aNullRowIsRefusedNamingIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> {
            try (StreamLoadWriter<StubTemplates.Item> writer = this.template.writer("texts")) {
                writer.write(null);
            }
        }).withMessageContaining("null");
    }

    private StreamLoadException rejected(Runnable load) {
        Throwable failure = catchThrowable(load::run);
        assertThat(failure).isInstanceOf(StreamLoadException.class);
        StreamLoadException exception = (StreamLoadException) failure;
        assertThat(exception.reason()).isEqualTo(StreamLoadException.Reason.REJECTED);
        return exception;
    }

    private long loadRequests() {
        return this.stub.frontends().stream().mapToLong(StubEndpoint::loadRequests).sum()
                + this.stub.backends().stream().mapToLong(StubEndpoint::loadRequests).sum();
    }

    private static LoadOptions options(LoadFormat format) {
        return (format == LoadFormat.JSON) ? LoadOptions.json() : LoadOptions.csv();
    }

    private static Map<String, Object> row(long id, Object qty, String name) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("qty", qty);
        row.put("name", name);
        row.put("at", null);
        return row;
    }

    /** The messages of a failure and its causes, joined. */
    private static String messages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable current = failure; current != null; current = current.getCause()) {
            text.append(current.getMessage()).append(" | ");
        }
        return text.toString();
    }

}
