package io.github.srboot.streamload.transaction;

import java.time.Duration;

/**
 * Recovery refused because the caller's last checkpoint is older than StarRocks keeps a finished transaction's
 * label: the labels around it may be gone, and a label StarRocks dropped answers {@code UNKNOWN}, which cannot tell a
 * batch that committed from one that never began.
 */
public class LabelExpiredException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String table;

    private final String label;

    private final Duration age;

    private final Duration labelKeep;

    /**
     * Creates the exception; the message names the label, its age and the keep window.
     */
    public LabelExpiredException(String table, String label, long checkpoint, Duration age, Duration labelKeep) {
        super("Checkpoint " + checkpoint + " of '" + table + "' (label " + label + ") was recorded " + age
                + " ago, longer than StarRocks keeps the label of a finished transaction (label_keep_max_second, "
                + labelKeep + " here): StarRocks may have dropped its label and those of the checkpoints after it, and"
                + " a dropped label answers UNKNOWN whether its batch committed or not. Recovery cannot tell which"
                + " batches after checkpoint " + checkpoint + " are in; decide from the table itself (replaying"
                + " them loads any that committed a second time, harmless only for Primary Key upserts).");
        this.table = table;
        this.label = label;
        this.age = age;
        this.labelKeep = labelKeep;
    }

    /** The table. */
    public String table() {
        return this.table;
    }

    /** The label of the caller's last checkpoint. */
    public String label() {
        return this.label;
    }

    /** How long ago the last checkpoint was recorded. */
    public Duration age() {
        return this.age;
    }

    /** How long StarRocks keeps a finished transaction's label, as the template was told. */
    public Duration labelKeep() {
        return this.labelKeep;
    }

}
