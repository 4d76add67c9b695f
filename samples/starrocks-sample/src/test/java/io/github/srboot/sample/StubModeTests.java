package io.github.srboot.sample;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.github.srboot.sample.docs.ReadmeFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's run command without StarRocks: the sample runs every step against the embedded StarRocks (Flyway,
 * reflection, the drift check, Stream Load, SQL read-back), says so first, skips nothing, exits with 0 and ends with
 * its summary.
 */
@ExtendWith(OutputCaptureExtension.class)
class StubModeTests {

    /** The summary of a default run: the generator is seeded and the embedded StarRocks injects one fault. */
    static final List<String> EXPECTED_SUMMARY = List.of(
            "Summary (embedded mode: the embedded StarRocks)",
            "  rows loaded:     22859 (bulk: 10000 orders and their daily_sales rows; the rest: CDC changes)",
            "  changes applied: 3000 (890 inserts, 1484 updates, 314 deletes, 312 late updates that changed nothing)",
            "  loads:           14 succeeded, 0 failed",
            "  retries:         1",
            "  orders table:    10890 rows, 314 of them soft-deleted, as the feed expects",
            "  health:          UP (db UP, diskSpace UP, ping UP, ssl UP, starrocks UP (backends UP, frontends UP, "
                    + "jdbc UP))");

    @Test
    void runsEveryStepAgainstTheEmbeddedStarRocksAndEndsWithTheSummary(CapturedOutput output) {
        // Batches are cut by row count only (no time-based flush on a slow machine), so the load count is fixed.
        String[] args = { "--starrocks.stream-load.batch.max-interval=10m", "--sample.change-interval=10m" };
        ConfigurableApplicationContext context = StarRocksSampleApplication.start(args, Map.of());
        ByteArrayOutputStream summary = new ByteArrayOutputStream();
        int exitCode = StarRocksSampleApplication.finish(context,
                new PrintStream(summary, true, StandardCharsets.UTF_8));

        assertThat(exitCode).isZero();
        assertThat(context.isActive()).isFalse();
        assertThat(output.toString()).as("the first thing the run says")
            .containsSubsequence("EMBEDDED MODE: STARROCKS_HOST is not set", "nothing is skipped", "1. Schema");
        assertThat(output).doesNotContain("Skipped");
        // Flyway migrated the embedded StarRocks over the wire, then the drift check compared it with db/schema
        assertThat(output.toString()).containsSubsequence("Successfully applied 2 migrations to schema `shop`",
                "StarRocks database 'shop' matches the desired schema");
        assertThat(output).contains("Live schema of 'shop' (reflected): [MaterializedView customer_revenue, "
                + "Table daily_sales");
        assertThat(output).contains("Schema diff, live against desired: no changes, the database is as desired");
        assertThat(output).contains("2 attempts");

        List<String> lines = summary.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).containsExactlyElementsOf(EXPECTED_SUMMARY);
        assertThat(ReadmeFile.read()).as("the summary shown in README.md's quick start")
            .contains(String.join("\n", EXPECTED_SUMMARY));
    }

}
