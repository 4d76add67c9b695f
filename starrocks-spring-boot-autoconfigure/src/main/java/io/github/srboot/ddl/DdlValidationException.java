package io.github.srboot.ddl;

/**
 * Thrown when a schema object or statement breaks a StarRocks rule, before any SQL is sent. Names the object and the rule.
 */
public class DdlValidationException extends IllegalArgumentException {

    private final String objectName;

    private final String rule;

    private final String starRocksMessage;

    /**
     * Creates the exception.
     * @param objectName the offending object (table, column, type, ...), as the user would recognise it
     * @param rule the rule that was broken, phrased as what is wrong
     */
    public DdlValidationException(String objectName, String rule) {
        this(objectName, rule, null);
    }

    /**
     * Creates the exception for a rule StarRocks' FE enforces, with the FE's own words.
     * @param objectName the offending object (table, column, type, ...), as the user would recognise it
     * @param rule the rule that was broken, phrased as what is wrong
     * @param starRocksMessage what StarRocks answers to the same statement (the detail message, without the
     * "Getting analyzing error ... Detail message:" wrapper and without the final dot the wrapper adds), or null when
     * the rule is the model's own
     */
    public DdlValidationException(String objectName, String rule, String starRocksMessage) {
        super(objectName + ": " + rule + ((starRocksMessage != null) ? " (StarRocks: \"" + starRocksMessage + "\")" : ""));
        this.objectName = objectName;
        this.rule = rule;
        this.starRocksMessage = starRocksMessage;
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

    /**
     * What StarRocks' FE answers when it refuses the same statement, so that a caller imitating the server (the
     * embedded StarRocks of the test module) can answer with the server's words.
     * @return the FE's detail message, or null when the rule is the model's own
     */
    public String starRocksMessage() {
        return this.starRocksMessage;
    }

}
