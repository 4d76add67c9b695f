package io.github.srboot.ddl;

/**
 * Thrown when a schema object or statement breaks a StarRocks rule, before any SQL is sent. Names the object and the rule.
 */
public class DdlValidationException extends IllegalArgumentException {

    private final String objectName;

    private final String rule;

    /**
     * Creates the exception.
     * @param objectName the offending object (table, column, type, ...), as the user would recognise it
     * @param rule the rule that was broken, phrased as what is wrong
     */
    public DdlValidationException(String objectName, String rule) {
        super(objectName + ": " + rule);
        this.objectName = objectName;
        this.rule = rule;
    }

    /**
     * The offending object.
     * @return e.g. {@code table `orders`} or {@code column `orders`.`id`}
     */
    public String objectName() {
        return this.objectName;
    }

    /**
     * The broken rule.
     * @return a sentence describing what is wrong
     */
    public String rule() {
        return this.rule;
    }

}
