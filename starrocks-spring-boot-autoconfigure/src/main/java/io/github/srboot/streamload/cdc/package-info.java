/**
 * Change data capture over Stream Load: change records ({@code ChangeRecord}, {@code ChangeOperation}), their options
 * ({@code CdcOptions}, {@code DeleteMode}, {@code AuditColumns}), per-batch planning and ordering
 * ({@code ChangeBatch}, {@code ChangeApplier}), the buffering {@code ChangeWriter}, and schema evolution
 * ({@code CdcSchema}, {@code JdbcCdcSchema}, {@code CdcTypes}). Users reach it through
 * {@code StreamLoadTemplate.applyChanges} and {@code StreamLoadTemplate.changeWriter}; depends on the
 * {@code streamload} API, {@code streamload.internal.encoding} and {@code jdbc}.
 */
package io.github.srboot.streamload.cdc;
