package io.github.srboot.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.h2.tools.SimpleResultSet;

/**
 * A JDBC {@link DataSource} answering statements from a script instead of a server, and recording every statement
 * it receives (with its bind parameters) so tests can count queries.
 *
 * <p>Result sets are real in-memory {@link ResultSet}s (H2's {@code SimpleResultSet}), so the code under test maps
 * them with its own row mappers, exactly as against StarRocks. A statement no rule answers fails with an
 * {@link SQLException} naming it.
 */
public final class ScriptedJdbc {

    private final List<Rule> rules = new CopyOnWriteArrayList<>();

    private final List<Executed> executed = new CopyOnWriteArrayList<>();

    private volatile String productName = "MySQL";

    private volatile String productVersion = "8.0.33";

    /** A statement the fake received. */
    public record Executed(String sql, List<Object> parameters) {
    }

    /** What a statement returns. */
    public sealed interface Answer permits Rows, UpdateCount, Failure {
    }

    /** A result set: column labels and rows of values (strings, numbers or null). */
    public record Rows(List<String> columns, List<List<Object>> rows) implements Answer {

        public Rows {
            columns = List.copyOf(columns);
            rows = rows.stream().map((row) -> Collections.unmodifiableList(new ArrayList<>(row))).toList();
        }

        /** Rows from maps sharing the given columns. */
        public static Rows of(List<String> columns, List<? extends Map<String, ?>> maps) {
            List<List<Object>> rows = new ArrayList<>();
            for (Map<String, ?> map : maps) {
                List<Object> row = new ArrayList<>();
                Map<String, Object> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                caseInsensitive.putAll(map);
                for (String column : columns) {
                    row.add(caseInsensitive.get(column));
                }
                rows.add(row);
            }
            return new Rows(columns, rows);
        }

    }

    /** An update count (DDL answers 0). */
    public record UpdateCount(int count) implements Answer {
    }

    /** A server error: vendor code, SQL state and message, as Connector/J reports them. */
    public record Failure(int errorCode, String sqlState, String message) implements Answer {
    }

    private record Rule(Predicate<String> matches, Function<Executed, Answer> answer) {
    }

    /**
     * Answers statements matching a regular expression (searched, case-insensitive) with a function of the
     * statement. Rules are tried in the order they were added.
     */
    public ScriptedJdbc on(String regex, Function<Executed, Answer> answer) {
        Pattern pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
        this.rules.add(new Rule((sql) -> pattern.matcher(sql).find(), answer));
        return this;
    }

    /** Answers matching statements always the same way. */
    public ScriptedJdbc on(String regex, Answer answer) {
        return on(regex, (statement) -> answer);
    }

    /** Answers matching statements with the given answers in turn, repeating the last one. */
    public ScriptedJdbc onSequence(String regex, Answer... answers) {
        Iterator<Answer> iterator = Arrays.asList(answers).iterator();
        Answer[] last = new Answer[1];
        return on(regex, (statement) -> {
            synchronized (last) {
                if (iterator.hasNext()) {
                    last[0] = iterator.next();
                }
                return last[0];
            }
        });
    }

    /** Every statement received so far, in order. */
    public List<Executed> executed() {
        return List.copyOf(this.executed);
    }

    /** The SQL of every statement received so far, in order. */
    public List<String> executedSql() {
        return this.executed.stream().map(Executed::sql).toList();
    }

    /** Forgets the statements received so far. */
    public void clearExecuted() {
        this.executed.clear();
    }

    /** The DataSource to hand to the code under test. */
    public DataSource dataSource() {
        return proxy(DataSource.class, (method, args) -> switch (method.getName()) {
            case "getConnection" -> connection();
            case "unwrap" -> throw new SQLException("not a wrapper");
            default -> defaultValue(method);
        });
    }

    /**
     * What the connections' {@code DatabaseMetaData} reports: Connector/J reports {@code MySQL} and the server's
     * {@code version()} for StarRocks too.
     */
    public ScriptedJdbc product(String productName, String productVersion) {
        this.productName = productName;
        this.productVersion = productVersion;
        return this;
    }

    private Connection connection() {
        boolean[] closed = new boolean[1];
        String[] catalog = new String[1];
        Connection[] self = new Connection[1];
        self[0] = proxy(Connection.class, (method, args) -> switch (method.getName()) {
            case "createStatement" -> statement(null);
            case "prepareStatement" -> statement((String) args[0]);
            case "close" -> {
                closed[0] = true;
                yield null;
            }
            case "isClosed" -> closed[0];
            case "getAutoCommit" -> true;
            case "getCatalog" -> catalog[0];
            case "setCatalog" -> {
                catalog[0] = (String) args[0];
                yield null;
            }
            case "getMetaData" -> metaData(self[0]);
            default -> defaultValue(method);
        });
        return self[0];
    }

    private DatabaseMetaData metaData(Connection connection) {
        return proxy(DatabaseMetaData.class, (method, args) -> switch (method.getName()) {
            case "getDatabaseProductName" -> this.productName;
            case "getDatabaseProductVersion" -> this.productVersion;
            case "getDatabaseMajorVersion" -> Integer.parseInt(this.productVersion.split("\\.")[0]);
            case "getDatabaseMinorVersion" -> Integer.parseInt(this.productVersion.split("\\.")[1]);
            case "getURL" -> "jdbc:mysql://scripted:9030/";
            case "getUserName" -> "root";
            case "getConnection" -> connection;
            case "getDriverName" -> "MySQL Connector/J";
            case "getDriverVersion" -> "scripted";
            default -> defaultValue(method);
        });
    }

    private Statement statement(String preparedSql) {
        List<Object> parameters = new ArrayList<>();
        ResultSet[] current = new ResultSet[1];
        int[] updateCount = { -1 };
        Class<? extends Statement> type = (preparedSql != null) ? PreparedStatement.class : Statement.class;
        return proxy(type, (method, args) -> {
            String name = method.getName();
            if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer index
                    && preparedSql != null && !name.equals("setFetchSize") && !name.equals("setMaxRows")) {
                while (parameters.size() < index) {
                    parameters.add(null);
                }
                parameters.set(index - 1, name.equals("setNull") ? null : args[1]);
                return null;
            }
            return switch (name) {
                case "execute", "executeQuery", "executeUpdate", "executeLargeUpdate" -> {
                    String sql = (preparedSql != null) ? preparedSql : (String) args[0];
                    Answer answer = answer(new Executed(sql, List.copyOf(parameters)));
                    if (answer instanceof Failure failure) {
                        throw new SQLException(failure.message(), failure.sqlState(), failure.errorCode());
                    }
                    if (answer instanceof Rows rows) {
                        current[0] = resultSet(rows);
                        updateCount[0] = -1;
                        yield switch (name) {
                            case "execute" -> true;
                            case "executeQuery" -> current[0];
                            default -> throw new SQLException("A query was sent as an update: " + sql);
                        };
                    }
                    int count = ((UpdateCount) answer).count();
                    current[0] = null;
                    updateCount[0] = count;
                    yield switch (name) {
                        case "execute" -> false;
                        case "executeQuery" -> throw new SQLException("An update was sent as a query: " + sql);
                        case "executeLargeUpdate" -> (long) count;
                        default -> count;
                    };
                }
                case "getResultSet" -> current[0];
                case "getUpdateCount" -> updateCount[0];
                case "getMoreResults" -> {
                    current[0] = null;
                    updateCount[0] = -1;
                    yield false;
                }
                case "clearParameters" -> {
                    parameters.clear();
                    yield null;
                }
                default -> defaultValue(method);
            };
        });
    }

    private Answer answer(Executed statement) throws SQLException {
        this.executed.add(statement);
        for (Rule rule : this.rules) {
            if (rule.matches().test(statement.sql())) {
                Answer answer = rule.answer().apply(statement);
                if (answer != null) {
                    return answer;
                }
            }
        }
        throw new SQLException("The scripted server has no answer for: " + statement.sql() + " "
                + statement.parameters());
    }

    private static ResultSet resultSet(Rows rows) {
        SimpleResultSet resultSet = new SimpleResultSet();
        for (String column : rows.columns()) {
            resultSet.addColumn(column, Types.VARCHAR, Integer.MAX_VALUE, 0);
        }
        for (List<Object> row : rows.rows()) {
            resultSet.addRow(row.toArray());
        }
        return resultSet;
    }

    private static Object defaultValue(Method method) {
        Class<?> type = method.getReturnType();
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class || type == long.class) {
            return (type == int.class) ? (Object) 0 : (Object) 0L;
        }
        return null;
    }

    @FunctionalInterface
    private interface Handler {

        Object handle(Method method, Object[] args) throws Exception;

    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Handler handler) {
        InvocationHandler invocationHandler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> type.getSimpleName() + "@scripted";
                };
            }
            try {
                return handler.handle(method, args);
            }
            catch (InvocationTargetException ex) {
                throw ex.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(ScriptedJdbc.class.getClassLoader(), new Class<?>[] { type },
                invocationHandler);
    }

}
