package io.github.srboot.jdbc;

import org.springframework.lang.Nullable;

/**
 * What StarRocks reported about an object could not be read into the {@code ddl} model: {@code SHOW CREATE} text
 * the parser refuses, or catalog data that contradicts it (for example an object altered while being read).
 */
public final class StarRocksReflectionException extends StarRocksException {

    public StarRocksReflectionException(String problem, @Nullable String sql, @Nullable Throwable cause) {
        super(problem, sql, null, null, null, null, cause);
    }

}
