package io.github.srboot.ddl;

/**
 * Checks that a text is empty or starts with one strict JSON value (RFC 8259), the test StarRocks applies to the
 * default of a JSON column (FE {@code ColumnDefAnalyzer}: {@code Streams.parse} over a non-lenient Gson reader, which reads one value and
 * does not look past it). The ddl package depends on no JSON library, and a syntax check is all that is needed.
 */
final class JsonText {

    private final String text;

    private int position;

    private JsonText(String text) {
        this.text = text;
    }

    /**
     * Whether the text starts with a JSON value (whitespace before it allowed), as StarRocks reads it.
     * @param text the text
     * @return true when valid
     */
    static boolean isValid(String text) {
        if (text.chars().allMatch((c) -> c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
            // Gson's Streams.parse answers JsonNull for a document with no token at all, so StarRocks accepts
            // DEFAULT '' (and blanks) on a JSON column.
            return true;
        }
        JsonText json = new JsonText(text);
        try {
            json.value();
            return true;
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }

    private void value() {
        whitespace();
        char c = peek();
        switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> word("true");
            case 'f' -> word("false");
            case 'n' -> word("null");
            default -> number();
        }
    }

    private void object() {
        this.position++;
        whitespace();
        if (peek() == '}') {
            this.position++;
            return;
        }
        while (true) {
            whitespace();
            string();
            whitespace();
            expect(':');
            value();
            whitespace();
            if (peek() == ',') {
                this.position++;
                continue;
            }
            expect('}');
            return;
        }
    }

    private void array() {
        this.position++;
        whitespace();
        if (peek() == ']') {
            this.position++;
            return;
        }
        while (true) {
            value();
            whitespace();
            if (peek() == ',') {
                this.position++;
                continue;
            }
            expect(']');
            return;
        }
    }

    private void string() {
        expect('"');
        while (true) {
            char c = next();
            if (c == '"') {
                return;
            }
            if (c < 0x20) {
                throw new IllegalArgumentException("control character in a string");
            }
            if (c == '\\') {
                char escaped = next();
                if (escaped == 'u') {
                    for (int i = 0; i < 4; i++) {
                        if (Character.digit(next(), 16) < 0) {
                            throw new IllegalArgumentException("bad \\u escape");
                        }
                    }
                }
                else if ("\"\\/bfnrt".indexOf(escaped) < 0) {
                    throw new IllegalArgumentException("bad escape");
                }
            }
        }
    }

    private void number() {
        int start = this.position;
        if (peek() == '-') {
            this.position++;
        }
        if (peek() == '0') {
            this.position++;
        }
        else {
            digits();
        }
        if (peek() == '.') {
            this.position++;
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            this.position++;
            if (peek() == '+' || peek() == '-') {
                this.position++;
            }
            digits();
        }
        if (this.position == start) {
            throw new IllegalArgumentException("not a value");
        }
    }

    private void digits() {
        int start = this.position;
        while (Character.isDigit(peek()) && peek() < 128) {
            this.position++;
        }
        if (this.position == start) {
            throw new IllegalArgumentException("digits expected");
        }
    }

    private void word(String word) {
        if (!this.text.startsWith(word, this.position)) {
            throw new IllegalArgumentException("not a value");
        }
        this.position += word.length();
    }

    private void whitespace() {
        while (this.position < this.text.length() && " \t\n\r".indexOf(this.text.charAt(this.position)) >= 0) {
            this.position++;
        }
    }

    private void expect(char expected) {
        if (next() != expected) {
            throw new IllegalArgumentException("expected " + expected);
        }
    }

    private char peek() {
        return (this.position < this.text.length()) ? this.text.charAt(this.position) : '\0';
    }

    private char next() {
        if (this.position >= this.text.length()) {
            throw new IllegalArgumentException("unexpected end");
        }
        return this.text.charAt(this.position++);
    }

}
