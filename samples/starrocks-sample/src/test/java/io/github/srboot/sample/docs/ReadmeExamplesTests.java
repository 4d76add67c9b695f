package io.github.srboot.sample.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Java example in README.md and docs/*.md is a tagged region ({@code // tag::name[]} ... {@code // end::name[]}) of a test
 * source under {@code com.example.shop}, so it compiles with the build, and most of them run as tests.
 */
class ReadmeExamplesTests {

    /** Where the README's examples live, relative to this module. */
    static final Path EXAMPLES = Path.of("src/test/java/com/example/shop");

    /** The documentation pages, relative to this module. */
    static final Path DOCS = Path.of("../../docs");

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    private static final Pattern REGION = Pattern.compile(
            "// tag::([\\w-]+)\\[]\\n(.*?)[ \\t]*// end::\\1\\[]", Pattern.DOTALL);

    @Test
    void everyJavaBlockOfTheReadmeIsACompiledExample() throws IOException {
        Map<String, String> regions = regions();
        List<String> notCompiled = new ArrayList<>();
        Matcher block = JAVA_BLOCK.matcher(ReadmeFile.read());
        int blocks = 0;
        while (block.find()) {
            blocks++;
            String code = normalise(block.group(1));
            if (!regions.containsValue(code)) {
                notCompiled.add(code);
            }
        }
        assertThat(blocks).as("Java blocks in README.md").isPositive();
        assertThat(notCompiled).as("README Java blocks that are not a tagged region under " + EXAMPLES
                + " (copy them from there; tagged regions: " + regions.keySet() + ")").isEmpty();
    }

    /**
     * The same for the Java examples of docs/*.md: each is a tagged region of a source under {@code com.example.shop}
     * (those of docs are in {@code com.example.shop.docs}).
     */
    @Test
    void everyJavaBlockOfTheDocsIsACompiledExample() throws IOException {
        Map<String, String> regions = regions();
        List<String> notCompiled = new ArrayList<>();
        int blocks = 0;
        try (Stream<Path> documents = Files.list(DOCS)) {
            for (Path document : documents.filter((path) -> path.toString().endsWith(".md")).sorted().toList()) {
                Matcher block = JAVA_BLOCK.matcher(Files.readString(document, StandardCharsets.UTF_8));
                while (block.find()) {
                    blocks++;
                    String code = normalise(block.group(1));
                    if (!regions.containsValue(code)) {
                        notCompiled.add(document.getFileName() + ":\n" + code);
                    }
                }
            }
        }
        assertThat(blocks).as("Java blocks in " + DOCS).isGreaterThanOrEqualTo(11);
        assertThat(notCompiled).as("docs Java blocks that are not a tagged region under " + EXAMPLES).isEmpty();
    }

    @Test
    void regionsAreFoundWithTheirIndentationRemoved() {
        String source = """
                class X {
                    void m() {
                        // tag::example[]
                        int a = 1;
                            int b = 2;
                        // end::example[]
                    }
                }
                """;
        assertThat(regionsOf(source)).containsExactly(Map.entry("example", "int a = 1;\n    int b = 2;"));
    }

    private static Map<String, String> regions() throws IOException {
        Map<String, String> regions = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(EXAMPLES)) {
            for (Path file : files.filter((path) -> path.toString().endsWith(".java")).sorted().toList()) {
                regions.putAll(regionsOf(Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        return regions;
    }

    static Map<String, String> regionsOf(String source) {
        Map<String, String> regions = new LinkedHashMap<>();
        Matcher region = REGION.matcher(source);
        while (region.find()) {
            regions.put(region.group(1), normalise(region.group(2)));
        }
        return regions;
    }

    /** Without the indentation common to its non-blank lines, trailing spaces and surrounding blank lines. */
    static String normalise(String code) {
        List<String> lines = code.lines().map(String::stripTrailing).toList();
        int indent = lines.stream()
            .filter((line) -> !line.isEmpty())
            .mapToInt((line) -> line.length() - line.stripLeading().length())
            .min()
            .orElse(0);
        String text = String.join("\n", lines.stream().map((line) -> line.isEmpty() ? line : line.substring(indent))
            .toList());
        return text.replaceAll("^\n+", "").replaceAll("\n+$", "");
    }

}
