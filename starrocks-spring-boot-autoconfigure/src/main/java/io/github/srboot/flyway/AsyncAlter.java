package io.github.srboot.flyway;

import java.util.Set;

import io.github.srboot.ddl.ObjectName;
import io.github.srboot.jdbc.AlterJobType;

/**
 * A statement that starts (or may start) asynchronous ALTER jobs: the table the jobs run on and their kinds.
 *
 * @param table the table, qualified when the statement qualifies it
 * @param jobs the kinds of job to wait for, never empty
 */
public record AsyncAlter(ObjectName table, Set<AlterJobType> jobs) {

    /**
     * Copies the set and checks it is not empty.
     */
    public AsyncAlter {
        jobs = Set.copyOf(jobs);
        if (table == null || jobs.isEmpty()) {
            throw new IllegalArgumentException("An asynchronous ALTER needs a table and a job kind");
        }
    }

}
