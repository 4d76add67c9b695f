package io.github.srboot.ddl;

/**
 * The index kinds declared inside a table's column list.
 */
public enum IndexType {

    /** {@code USING BITMAP}. */
    BITMAP,
    /** {@code USING GIN} (full-text inverted index, 3.3+). */
    GIN,
    /** {@code USING NGRAMBF} (n-gram bloom filter, 3.3+). */
    NGRAMBF,
    /** {@code USING VECTOR}: an approximate nearest-neighbour index on an {@code ARRAY<FLOAT>} column (3.4+). */
    VECTOR

}
