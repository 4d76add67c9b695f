package io.github.srboot.schema;

/**
 * Thrown when the desired schema defines one object twice; names both definitions.
 */
public class DuplicateSchemaObjectException extends SchemaSourceException {

    private final String objectName;

    private final String firstLocation;

    private final String secondLocation;

    /**
     * Creates the exception.
     * @param objectName the name defined twice
     * @param firstLocation where it was defined first (a file URI or a bean name)
     * @param secondLocation where it was defined again
     */
    public DuplicateSchemaObjectException(String objectName, String firstLocation, String secondLocation) {
        super("The desired schema defines '" + objectName + "' twice: in " + firstLocation + " and in "
                + secondLocation + ". Keep one definition.", null);
        this.objectName = objectName;
        this.firstLocation = firstLocation;
        this.secondLocation = secondLocation;
    }

    /**
     * The name defined twice.
     * @return the object name
     */
    public String getObjectName() {
        return this.objectName;
    }

    /**
     * Where the object was defined first.
     * @return a file URI or {@code bean 'name'}
     */
    public String getFirstLocation() {
        return this.firstLocation;
    }

    /**
     * Where the object was defined again.
     * @return a file URI or {@code bean 'name'}
     */
    public String getSecondLocation() {
        return this.secondLocation;
    }

}
