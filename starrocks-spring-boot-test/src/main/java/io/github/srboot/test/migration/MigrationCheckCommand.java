package io.github.srboot.test.migration;

import java.io.PrintStream;

/**
 * The migration check as a command: {@code java -jar starrocks-spring-boot-test-<version>-standalone.jar
 * check-migrations [--migrations <location>] [--schema <location>] [--database <name>]}. Prints the verdict and,
 * when the migrations do not produce the desired schema, the DDL the schema diff would write; exits 0 when they
 * match, 1 when they differ, 2 on bad arguments or unreadable input.
 */
public final class MigrationCheckCommand {

    /** The word that selects this command in the standalone launcher. */
    public static final String NAME = "check-migrations";

    static final String USAGE = """
            Usage: java -jar starrocks-spring-boot-test-<version>-standalone.jar check-migrations [options]
            Applies the Flyway migrations to an embedded StarRocks and compares the result with the desired schema
            through the schema diff; prints the DDL that would make them equal when they differ.
              --migrations <location>  Flyway migrations (default: src/main/resources/db/migration)
              --schema <location>      desired schema, *.sql files (default: src/main/resources/db/schema)
              --database <name>        database the migrations run in (default: migration_check)
              --help                   print this help and exit
            A location is a directory, filesystem:<dir> or classpath:<path>.
            Exit status: 0 they match, 1 they differ, 2 bad arguments or input.
            """;

    private MigrationCheckCommand() {
    }

    /**
     * Runs the check.
     * @param args the options after the command's name
     * @param out receives the verdict and the plan
     * @param err receives errors and the usage
     * @return the exit status
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String migrations = "src/main/resources/db/migration";
        String schema = "src/main/resources/db/schema";
        String database = MigrationCheck.DEFAULT_DATABASE;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                out.print(USAGE);
                return 0;
            }
            if (!option.equals("--migrations") && !option.equals("--schema") && !option.equals("--database")) {
                err.println("Unknown option '" + option + "'");
                err.print(USAGE);
                return 2;
            }
            if (i + 1 >= args.length) {
                err.println(option + " needs a value");
                err.print(USAGE);
                return 2;
            }
            String value = args[++i];
            switch (option) {
                case "--migrations" -> migrations = value;
                case "--schema" -> schema = value;
                default -> database = value;
            }
        }
        MigrationCheck.Result result;
        try {
            result = MigrationCheck.check(migrations, schema, database);
        }
        catch (RuntimeException ex) {
            // Flyway's and the schema loader's failures name the file and the statement
            err.println("check-migrations failed: " + ex.getMessage());
            return 2;
        }
        out.println(result.report());
        return result.matches() ? 0 : 1;
    }

}
