package io.github.srboot.sample.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Relative links in the project's Markdown (README.md, module READMEs, docs/*.md) point at files that exist, and
 * their {@code #anchors} at headings that exist.
 */
class DocumentLinksTests {

    private static final Path ROOT = ReadmeFile.PATH.getParent();

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    private static final Pattern HEADING = Pattern.compile("^#+\\s+(.*)$", Pattern.MULTILINE);

    @Test
    void relativeLinksResolve() throws IOException {
        List<String> broken = new ArrayList<>();
        List<Path> documents = documents();
        assertThat(documents).contains(ReadmeFile.PATH.normalize());
        for (Path document : documents) {
            Matcher link = LINK.matcher(Files.readString(document, StandardCharsets.UTF_8));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue;
                }
                int hash = target.indexOf('#');
                String file = (hash < 0) ? target : target.substring(0, hash);
                Path resolved = file.isEmpty() ? document : document.getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(document + ": " + target + " (no such file)");
                }
                else if (hash >= 0 && !anchors(resolved).contains(target.substring(hash + 1))) {
                    broken.add(document + ": " + target + " (no such heading)");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void anchorsFollowGitHubsHeadingIds() {
        assertThat(anchor("Evolve the schema: schema diff and migrations"))
            .isEqualTo("evolve-the-schema-schema-diff-and-migrations");
        assertThat(anchor("Test your code")).isEqualTo("test-your-code");
        assertThat(anchor("CDC and exactly-once")).isEqualTo("cdc-and-exactly-once");
    }

    private static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>();
        documents.add(ReadmeFile.PATH.normalize());
        try (Stream<Path> top = Files.list(ROOT)) {
            for (Path dir : top.filter(Files::isDirectory).sorted().toList()) {
                if (Files.exists(dir.resolve("README.md"))) {
                    documents.add(dir.resolve("README.md").normalize());
                }
            }
        }
        Path docs = ROOT.resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> files = Files.list(docs)) {
                files.filter((path) -> path.toString().endsWith(".md")).sorted().forEach((path) -> documents.add(path.normalize()));
            }
        }
        return documents;
    }

    private static List<String> anchors(Path document) throws IOException {
        List<String> anchors = new ArrayList<>();
        Matcher heading = HEADING.matcher(Files.readString(document, StandardCharsets.UTF_8));
        while (heading.find()) {
            anchors.add(anchor(heading.group(1)));
        }
        return anchors;
    }

    /** GitHub's heading id: lower case, punctuation dropped, spaces to hyphens. */
    static String anchor(String heading) {
        return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

}
