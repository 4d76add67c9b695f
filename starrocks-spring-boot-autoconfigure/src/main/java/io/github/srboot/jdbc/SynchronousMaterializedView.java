package io.github.srboot.jdbc;

import org.springframework.lang.Nullable;

/**
 * A synchronous materialized view or rollup: an index of its base table that StarRocks keeps up to date with every
 * load, not an object of its own. {@code information_schema.materialized_views} lists it beside the asynchronous
 * materialized views, with {@code REFRESH_TYPE} {@code ROLLUP}; reflection reports it here rather than as a
 * {@link io.github.srboot.ddl.MaterializedView}, and nothing that drops or compares asynchronous materialized views
 * touches it (it goes with its base table).
 *
 * @param name the index name (what {@code CREATE MATERIALIZED VIEW} or {@code ADD ROLLUP} named it)
 * @param definition the statement that created it as the server keeps it ({@code MATERIALIZED_VIEW_DEFINITION}),
 * or {@code null} when the server keeps none (a rollup added with {@code ALTER TABLE ... ADD ROLLUP})
 */
public record SynchronousMaterializedView(String name, @Nullable String definition) {

}
