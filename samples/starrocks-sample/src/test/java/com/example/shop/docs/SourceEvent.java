package com.example.shop.docs;

import java.util.Map;
import java.util.Set;

/**
 * The change event of docs/cdc.md's examples: what a source system (Debezium, logical replication) reports.
 * @param id the row's key
 * @param kind {@code c} (create), {@code u} (update) or {@code d} (delete)
 * @param before the row before the change (a delete's before image), or {@code null} when the source has none
 * @param after the row after the change
 * @param lsn the source's position, used as the change's version
 * @param changedColumns the columns an update set, or {@code null} when it gives the whole row
 */
record SourceEvent(long id, String kind, Map<String, Object> before, Map<String, Object> after, long lsn,
        Set<String> changedColumns) {
}
