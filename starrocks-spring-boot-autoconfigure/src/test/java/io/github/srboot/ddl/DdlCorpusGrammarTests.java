package io.github.srboot.ddl;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import io.github.srboot.support.StarRocksGrammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Checks the DDL corpus itself against the independent StarRocks grammar (superior-starrocks-parser, StarRocks ~3.2):
 * every file holds as many statements for the grammar as for our parser. The grammar is older than some valid syntax;
 * the files it rejects are listed with the reason and the token it stops at, and the test fails if such a file
 * starts to pass (so the list stays true).
 */
class DdlCorpusGrammarTests {

    /** File -> the token the ~3.2 grammar stops at, and why that is not a corpus mistake. */
    private static final Map<String, String> KNOWN_REJECTIONS = Map.of(
            // GIN and NGRAMBF indexes arrived in StarRocks 3.3.
            "show-create/12-index-gin-ngrambf.sql", "'GIN'",
            // StarRocks 3.0 printed expression partitioning as RANGE(expr) without a partition list: output only,
            // never input syntax.
            "show-create/22-expression-range-older-spelling.sql", "'DISTRIBUTED'",
            // The SECURITY clause of views is newer than the grammar.
            "show-create/26-view-security-none.sql", "'SECURITY'",
            "show-create/28-view-security-invoker-strings.sql", "'SECURITY'",
            "user/04-views-and-materialized-views.sql", "'SECURITY'",
            // The grammar's lexer has no MySQL '#' comments.
            "user/01-shop-script.sql", "'#'",
            // Unparenthesised column lists and mixed expression lists in PARTITION BY are 3.4+ syntax.
            "user/03-list-and-expression-partitions.sql", "'partition by dt,'",
            // NGRAMBF indexes arrived in StarRocks 3.3.
            "user/05-aggregate-and-unique.sql", "'NGRAMBF'");

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusFiles")
    void corpusFileIsValidStarRocksSyntax(String file, String sql) {
        String rejection = KNOWN_REJECTIONS.get(file);
        if (rejection == null) {
            assertThat(StarRocksGrammar.parse(sql).singleStatement()).hasSameSizeAs(Ddl.parse(sql));
        }
        else {
            assertThatExceptionOfType(StarRocksGrammar.GrammarException.class)
                .isThrownBy(() -> StarRocksGrammar.parse(sql))
                .withMessageContaining(rejection);
        }
    }

    static Stream<Arguments> corpusFiles() throws IOException, URISyntaxException {
        List<Arguments> files = new ArrayList<>();
        for (String directory : List.of("show-create", "user")) {
            Path root = Path.of(DdlCorpusGrammarTests.class.getResource("/ddl/" + directory).toURI());
            try (Stream<Path> paths = Files.list(root)) {
                for (Path path : paths.sorted().toList()) {
                    files.add(Arguments.of(directory + "/" + path.getFileName(), Files.readString(path)));
                }
            }
        }
        return files.stream();
    }

}
