package io.github.srboot.support;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds StarRocks' recordings kept beside the project ({@code ../shared/corpus}, not part of the repository): tests
 * that replay them skip, saying so, when the folder is absent.
 */
public final class SharedCorpus {

    private SharedCorpus() {
    }

    /**
     * The corpus folder, looked up from the working directory and its parents.
     * @param relative the folder inside {@code shared/corpus}, e.g. {@code sql/sqltests}
     * @return the folder, or null when there is none
     */
    public static Path find(String relative) {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null) {
            Path candidate = directory.resolve("../shared/corpus").resolve(relative).normalize();
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            directory = directory.getParent();
        }
        return null;
    }

}
