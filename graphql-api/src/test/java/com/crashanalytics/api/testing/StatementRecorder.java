package com.crashanalytics.api.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Records every SQL statement the gateway sends through its DataSource: the text, on which physical connection, and
 * whether in a read-only transaction; on demand also the plan PostgreSQL chose for each SELECT (an {@code EXPLAIN}
 * of the same text, run just before it: in a read, of its generic plan, as reads run; else with the same parameters).
 * Install it in a test's context with {@code @Import(StatementRecorder.Installation.class)}; the recorder is one per
 * test JVM ({@link #INSTANCE}).
 *
 * <p>A statement is one execution: a JDBC batch of inserts is one statement, as it is one round trip. The rate
 * limiter's statement on its shared buckets ({@code rate_limit_token_buckets}) is left out: the same one precedes every
 * request, whatever it asks.
 */
public final class StatementRecorder {

    public static final StatementRecorder INSTANCE = new StatementRecorder();

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "executeBatch", "executeLargeBatch");

    /** Heads the plan of a read whose generic plan could not be explained: it is the plan for the values bound. */
    public static final String PLANNED_FOR_VALUES = "planned for the values bound, not as the read runs it";

    private final List<Executed> executed = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean recording;
    private volatile boolean explaining;

    private StatementRecorder() {
    }

    /** Forgets what was recorded and records from now on; with {@code explain}, also the plan of each SELECT. */
    public void start(boolean explain) {
        executed.clear();
        explaining = explain;
        recording = true;
    }

    /** Stops recording and answers what was recorded since {@link #start}. */
    public List<Executed> stop() {
        recording = false;
        synchronized (executed) {
            return List.copyOf(executed);
        }
    }

    /**
     * One statement sent to the database.
     *
     * @param connection identifies the physical connection (not the pool's wrapper of one checkout)
     * @param plan       PostgreSQL's plan for a SELECT, when explaining; else null
     * @param thread     the name of the thread that sent it (a request's: Tomcat's {@code ...-exec-N})
     */
    public record Executed(String sql, int connection, boolean autoCommit, boolean readOnly, String plan,
                           String thread) {

        @Override
        public String toString() {
            return sql.replaceAll("\\s+", " ").strip() + (plan == null ? "" : "\n" + plan);
        }
    }

    /** The rate limiter's turn at the key's shared bucket (before every request): not the request's own SQL. */
    private static boolean isRateLimiting(String sql) {
        return sql != null && sql.contains("rate_limit_token_buckets");
    }

    /**
     * The live side's own threads (the journal reader {@code live-feed}, the upkeep {@code live-upkeep}) poll the
     * database on their timers whatever a request does: they are not the request's statements.
     */
    private static boolean isLiveBackgroundWork() {
        return Thread.currentThread().getName().startsWith("live-");
    }

    /** Wraps the application's DataSource in a recording one. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Installation {

        @Bean
        static BeanPostProcessor recordingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof DataSource dataSource && !(bean instanceof RecordingDataSource)
                            ? new RecordingDataSource(dataSource) : bean;
                }
            };
        }
    }

    private static final class RecordingDataSource extends DelegatingDataSource {

        RecordingDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return recording(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return recording(super.getConnection(username, password));
        }

        private static Connection recording(Connection connection) {
            return proxy(Connection.class, (proxy, method, arguments) -> {
                Object result = invoke(connection, method, arguments);
                if (result instanceof CallableStatement statement) {
                    return statement(CallableStatement.class, statement, connection, (String) arguments[0]);
                }
                if (result instanceof PreparedStatement statement) {
                    return statement(PreparedStatement.class, statement, connection, (String) arguments[0]);
                }
                if (result instanceof Statement statement) {
                    return statement(Statement.class, statement, connection, null);
                }
                return result;
            });
        }

        private static <S extends Statement> S statement(Class<S> type, S statement, Connection connection,
                                                         String preparedSql) {
            List<Object[]> parameters = new ArrayList<>();
            return proxy(type, (proxy, method, arguments) -> {
                if (isParameterSetter(method, arguments)) {
                    parameters.add(new Object[] {method, arguments});
                }
                String sql = arguments != null && arguments.length > 0 && arguments[0] instanceof String text
                        ? text : preparedSql;
                if (INSTANCE.recording && EXECUTIONS.contains(method.getName()) && !isLiveBackgroundWork()
                        && !isRateLimiting(sql)) {
                    String plan = INSTANCE.explaining && preparedSql != null && isSelect(sql)
                            ? explain(connection, sql, parameters) : null;
                    INSTANCE.executed.add(new Executed(sql, System.identityHashCode(connection.unwrap(Connection.class)),
                            connection.getAutoCommit(), connection.isReadOnly(), plan, Thread.currentThread().getName()));
                }
                return invoke(statement, method, arguments);
            });
        }

        private static boolean isParameterSetter(Method method, Object[] arguments) {
            return method.getName().startsWith("set") && arguments != null && arguments.length >= 2
                    && arguments[0] instanceof Integer;
        }

        private static boolean isSelect(String sql) {
            String start = sql.stripLeading().toUpperCase();
            return start.startsWith("SELECT") || start.startsWith("WITH");
        }

        /**
         * The plan the statement runs with. In a read, which runs on generic plans ({@code plan_cache_mode}, see
         * {@code JdbcTransactions}), that is the plan for its parameters, not their values: the statement is prepared
         * on the server with {@code $n} for its placeholders and its execution explained (an EXPLAIN with the values
         * bound would plan for the values, even with {@code GENERIC_PLAN}), inside a savepoint, so a statement
         * PostgreSQL cannot prepare without the driver's parameter types leaves the transaction as it was and is
         * explained with its values instead, its plan headed {@link #PLANNED_FOR_VALUES}. Outside a read, the plan for
         * the values bound, as PostgreSQL plans a statement it keeps no generic plan for.
         */
        private static String explain(Connection connection, String sql, List<Object[]> parameters) throws Exception {
            String fellBack = "";
            if (runsOnGenericPlans(connection)) {
                Savepoint before = connection.setSavepoint();
                try (Statement explain = connection.createStatement()) {
                    explain.execute("PREPARE recorder_explained AS " + numberedPlaceholders(sql));
                    int placeholders = sql.length() - sql.replace("?", "").length();
                    try (ResultSet lines = explain.executeQuery("EXPLAIN EXECUTE recorder_explained("
                            + String.join(", ", Collections.nCopies(placeholders, "NULL")) + ")")) {
                        String plan = text(lines);
                        explain.execute("DEALLOCATE recorder_explained");
                        connection.releaseSavepoint(before);
                        return plan;
                    }
                } catch (SQLException cannotPrepare) {
                    connection.rollback(before);
                    fellBack = PLANNED_FOR_VALUES + " (" + cannotPrepare.getMessage() + ")\n";
                }
            }
            try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql)) {
                for (Object[] call : parameters) {
                    ((Method) call[0]).invoke(explain, (Object[]) call[1]);
                }
                try (ResultSet lines = explain.executeQuery()) {
                    return fellBack + text(lines);
                }
            }
        }

        private static boolean runsOnGenericPlans(Connection connection) throws SQLException {
            try (Statement show = connection.createStatement();
                 ResultSet mode = show.executeQuery("SHOW plan_cache_mode")) {
                return mode.next() && mode.getString(1).equals("force_generic_plan");
            }
        }

        /** The JDBC statement's {@code ?} placeholders as PostgreSQL's {@code $1, $2, ...} (none is in quotes here). */
        private static String numberedPlaceholders(String sql) {
            StringBuilder numbered = new StringBuilder(sql.length() + 16);
            int next = 1;
            for (char c : sql.toCharArray()) {
                if (c == '?') {
                    numbered.append('$').append(next++);
                } else {
                    numbered.append(c);
                }
            }
            return numbered.toString();
        }

        private static String text(ResultSet lines) throws SQLException {
            StringBuilder plan = new StringBuilder();
            while (lines.next()) {
                plan.append(lines.getString(1)).append('\n');
            }
            return plan.toString();
        }

        /** A proxy of the interface, equal only to itself (Spring compares connections it holds with ==/equals). */
        @SuppressWarnings("unchecked")
        private static <T> T proxy(Class<T> type, InvocationHandler handler) {
            return (T) Proxy.newProxyInstance(StatementRecorder.class.getClassLoader(), new Class<?>[] {type},
                    (proxy, method, arguments) -> switch (method.getName()) {
                        case "equals" -> arguments.length == 1 && proxy == arguments[0];
                        case "hashCode" -> method.getParameterCount() == 0 ? System.identityHashCode(proxy)
                                : handler.invoke(proxy, method, arguments);
                        default -> handler.invoke(proxy, method, arguments);
                    });
        }

        private static Object invoke(Object target, Method method, Object[] arguments) throws Throwable {
            try {
                return method.invoke(target, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
