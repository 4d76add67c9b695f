package io.github.srboot.sample.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's top-level README.md, read (and, for generated blocks, rewritten) by the documentation tests.
 */
public final class ReadmeFile {

    /** The README, relative to this module (Maven runs tests in the module directory). */
    static final Path PATH = Path.of("../../README.md");

    /** Set ({@code -Ddocs.update=true}) to rewrite generated README blocks instead of checking them. */
    static final String UPDATE_PROPERTY = "docs.update";

    private ReadmeFile() {
    }

    public static String read() {
        try {
            return Files.readString(PATH, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("README.md not found at " + PATH.toAbsolutePath(), ex);
        }
    }

    static void write(String text) {
        try {
            Files.writeString(PATH, text, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * The text between the begin and end markers of a generated block.
     * @throws IllegalStateException when a marker is missing
     */
    static String block(String readme, String name) {
        int begin = readme.indexOf(beginMarker(name));
        int end = readme.indexOf(endMarker(name));
        if (begin < 0 || end < begin) {
            throw new IllegalStateException("README.md has no block " + beginMarker(name) + " ... " + endMarker(name));
        }
        return readme.substring(begin + beginMarker(name).length(), end);
    }

    /**
     * The README with the block's text replaced.
     */
    static String replaceBlock(String readme, String name, String text) {
        int begin = readme.indexOf(beginMarker(name)) + beginMarker(name).length();
        int end = readme.indexOf(endMarker(name));
        return readme.substring(0, begin) + text + readme.substring(end);
    }

    static String beginMarker(String name) {
        return "<!-- " + name + ":begin -->";
    }

    static String endMarker(String name) {
        return "<!-- " + name + ":end -->";
    }

}
