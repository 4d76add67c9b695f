package io.github.srboot.jdbc;

import java.util.Optional;

import org.springframework.lang.Nullable;

/**
 * Implemented by every exception that carries what StarRocks said ({@link StarRocksErrorDetail}). The exceptions
 * themselves keep Spring's {@code DataAccessException} hierarchy (a syntax error is a
 * {@code BadSqlGrammarException}, a missing privilege a {@code PermissionDeniedDataAccessException}, a table busy
 * with a schema change a {@code TransientDataAccessException}), so {@code catch} blocks and retry rules written for
 * Spring keep matching; this interface is how to reach the StarRocks detail from any of them.
 */
public interface StarRocksError {

    /**
     * What StarRocks said.
     */
    StarRocksErrorDetail getDetail();

    /**
     * The statement that failed (secrets redacted), or {@code null} when unknown.
     */
    @Nullable
    default String getSql() {
        return getDetail().sql();
    }

    /**
     * The server's error code (MySQL protocol, e.g. 1050, or StarRocks' own 5xxx codes), or {@code null} when the
     * failure was not an error returned by the server.
     */
    @Nullable
    default Integer getErrorCode() {
        return getDetail().errorCode();
    }

    /**
     * The SQL state the server returned, or {@code null}.
     */
    @Nullable
    default String getSqlState() {
        return getDetail().sqlState();
    }

    /**
     * The server's message exactly as returned, or {@code null}.
     */
    @Nullable
    default String getServerMessage() {
        return getDetail().serverMessage();
    }

    /**
     * The StarRocks detail of the first exception in {@code failure}'s cause chain that carries one.
     */
    static Optional<StarRocksErrorDetail> find(@Nullable Throwable failure) {
        for (Throwable t = failure; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
            if (t instanceof StarRocksError error) {
                return Optional.of(error.getDetail());
            }
        }
        return Optional.empty();
    }

}
