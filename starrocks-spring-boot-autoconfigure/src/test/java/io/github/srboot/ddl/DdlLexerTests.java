package io.github.srboot.ddl;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link DdlLexer}.
 */
class DdlLexerTests {

    @Test
    void splitsWordsSymbolsNumbersAndEnd() {
        List<Token> tokens = DdlLexer.tokenize("CREATE TABLE t(a int(11), b decimal(10, 2));");
        assertThat(tokens).extracting(Token::kind, Token::text)
            .containsExactly(tuple(Token.Kind.WORD, "CREATE"), tuple(Token.Kind.WORD, "TABLE"),
                    tuple(Token.Kind.WORD, "t"), tuple(Token.Kind.SYMBOL, "("), tuple(Token.Kind.WORD, "a"),
                    tuple(Token.Kind.WORD, "int"), tuple(Token.Kind.SYMBOL, "("), tuple(Token.Kind.NUMBER, "11"),
                    tuple(Token.Kind.SYMBOL, ")"), tuple(Token.Kind.SYMBOL, ","), tuple(Token.Kind.WORD, "b"),
                    tuple(Token.Kind.WORD, "decimal"), tuple(Token.Kind.SYMBOL, "("), tuple(Token.Kind.NUMBER, "10"),
                    tuple(Token.Kind.SYMBOL, ","), tuple(Token.Kind.NUMBER, "2"), tuple(Token.Kind.SYMBOL, ")"),
                    tuple(Token.Kind.SYMBOL, ")"), tuple(Token.Kind.SYMBOL, ";"), tuple(Token.Kind.END, ""));
    }

    @Test
    void recordsLineColumnAndOffset() {
        List<Token> tokens = DdlLexer.tokenize("create\n  table `t`\r\n\tx");
        assertThat(tokens).extracting(Token::text, Token::line, Token::column, Token::offset)
            .containsExactly(tuple("create", 1, 1, 0), tuple("table", 2, 3, 9), tuple("`t`", 2, 9, 15),
                    tuple("x", 3, 2, 21), tuple("", 3, 3, 22));
    }

    @Test
    void decodesBackquotedIdentifiersWithDoubledBackquotes() {
        Token token = DdlLexer.tokenize("`we``ird -- name; 'x'`").get(0);
        assertThat(token.kind()).isEqualTo(Token.Kind.QUOTED_IDENTIFIER);
        assertThat(token.value()).isEqualTo("we`ird -- name; 'x'");
        assertThat(token.text()).isEqualTo("`we``ird -- name; 'x'`");
        assertThat(token.isIdentifier()).isTrue();
    }

    @Test
    void backslashIsNotAnEscapeInsideBackquotes() {
        assertThat(DdlLexer.tokenize("`a\\b`").get(0).value()).isEqualTo("a\\b");
    }

    @Test
    void decodesStringsInBothQuotesWithEscapesAndDoubledQuotes() {
        List<Token> tokens = DdlLexer.tokenize("'it''s' \"say \"\"hi\"\"\" 'a\\nb\\tc\\\\d\\'e\\\"f' \"50\\%\" '\\x'");
        assertThat(tokens.subList(0, 5)).extracting(Token::kind).containsOnly(Token.Kind.STRING);
        assertThat(tokens.subList(0, 5)).extracting(Token::value)
            .containsExactly("it's", "say \"hi\"", "a\nb\tc\\d'e\"f", "50\\%", "x");
    }

    @Test
    void stringsMayContainCommentMarkersSemicolonsAndLineBreaks() {
        List<Token> tokens = DdlLexer.tokenize("'-- no; /* comment */ # here\nsecond' x");
        assertThat(tokens.get(0).value()).isEqualTo("-- no; /* comment */ # here\nsecond");
        assertThat(tokens.get(1)).extracting(Token::text, Token::line, Token::column).containsExactly("x", 2, 9);
    }

    @Test
    void lineBreaksInsideStringsAndEscapesAreCountedOnce() {
        List<Token> tokens = DdlLexer.tokenize("'a\r\nb' \"c\\\nd\"\r\n  e");
        assertThat(tokens.get(0).value()).isEqualTo("a\r\nb");
        assertThat(tokens.get(1)).extracting(Token::value, Token::line, Token::column).containsExactly("c\nd", 2, 4);
        assertThat(tokens.get(2)).extracting(Token::text, Token::line, Token::column).containsExactly("e", 4, 3);
    }

    @Test
    void nestedTypeBracketsStaySeparateTokens() {
        assertThat(DdlLexer.tokenize("array<array<int>>")).extracting(Token::text)
            .containsExactly("array", "<", "array", "<", "int", ">", ">", "");
    }

    @Test
    void skipsAllThreeCommentStyles() {
        List<Token> tokens = DdlLexer.tokenize("""
                -- line comment
                a # hash comment
                /* block
                   comment */ b /**/c--tail
                """);
        assertThat(tokens).extracting(Token::text).containsExactly("a", "b", "c", "");
        assertThat(tokens.get(1)).extracting(Token::line, Token::column).containsExactly(4, 15);
    }

    @Test
    void readsNumbers() {
        List<Token> tokens = DdlLexer.tokenize("42 3.14 .5 1e10 2.5E-3 1abc");
        assertThat(tokens).extracting(Token::kind, Token::text)
            .containsExactly(tuple(Token.Kind.NUMBER, "42"), tuple(Token.Kind.NUMBER, "3.14"),
                    tuple(Token.Kind.NUMBER, ".5"), tuple(Token.Kind.NUMBER, "1e10"),
                    tuple(Token.Kind.NUMBER, "2.5E-3"), tuple(Token.Kind.WORD, "1abc"), tuple(Token.Kind.END, ""));
    }

    @Test
    void readsMultiCharacterOperators() {
        assertThat(DdlLexer.tokenize("a<=>b<=c>=d<>e!=f||g->h")).extracting(Token::text)
            .containsExactly("a", "<=>", "b", "<=", "c", ">=", "d", "<>", "e", "!=", "f", "||", "g", "->", "h", "");
    }

    @Test
    void readsNonAsciiLettersAsWords() {
        Token token = DdlLexer.tokenize("订单_表 ").get(0);
        assertThat(token).extracting(Token::kind, Token::text).containsExactly(Token.Kind.WORD, "订单_表");
    }

    @Test
    void unterminatedStringIsReportedAtItsStart() {
        assertThatExceptionOfType(DdlSyntaxException.class).isThrownBy(() -> DdlLexer.tokenize("a\n  'abc"))
            .satisfies((ex) -> {
                assertThat(ex.getLine()).isEqualTo(2);
                assertThat(ex.getColumn()).isEqualTo(3);
                assertThat(ex.getToken()).isEqualTo("'");
            })
            .withMessageContaining("unterminated string literal");
    }

    @Test
    void unterminatedIdentifierAndCommentAreReported() {
        assertThatExceptionOfType(DdlSyntaxException.class).isThrownBy(() -> DdlLexer.tokenize("x `abc"))
            .withMessage("Syntax error at line 1, column 3 near '`': unterminated quoted identifier");
        assertThatExceptionOfType(DdlSyntaxException.class).isThrownBy(() -> DdlLexer.tokenize("x\n /* abc"))
            .withMessage("Syntax error at line 2, column 2 near '/*': unterminated comment");
    }

    @Test
    void unexpectedCharacterIsReportedWithPosition() {
        assertThatExceptionOfType(DdlSyntaxException.class).isThrownBy(() -> DdlLexer.tokenize("a\nb \\ c"))
            .satisfies((ex) -> assertThat(ex).extracting(DdlSyntaxException::getLine, DdlSyntaxException::getColumn,
                    DdlSyntaxException::getToken).containsExactly(2, 3, "\\"));
    }

    @Test
    void emptyInputGivesOnlyEnd() {
        assertThat(DdlLexer.tokenize("  -- nothing\n")).extracting(Token::kind).containsExactly(Token.Kind.END);
    }

}
