package com.crashanalytics.api.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts what the gateway asks of PostgreSQL: statements executed (an {@code executeBatch} counts once: the driver
 * sends a batch in one round trip), rows sent in batches, and commits. Each of these is a round trip to the
 * database, so their sum per round is the figure to keep small. Installed as a {@link BeanPostProcessor} around the
 * gateway's {@link DataSource}; the benchmark's plain JDBC goes through it too, so both are counted alike.
 */
final class CountingDataSource implements BeanPostProcessor {

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "executeBatch", "executeLargeBatch");

    final LongAdder statements = new LongAdder();
    final LongAdder batchedRows = new LongAdder();
    final LongAdder commits = new LongAdder();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof DataSource dataSource)) {
            return bean;
        }
        return proxy(dataSource, bean.getClass().getInterfaces(), DataSource.class, AutoCloseable.class);
    }

    /** Statements, batched rows and commits so far. */
    Calls calls() {
        return new Calls(statements.sum(), batchedRows.sum(), commits.sum());
    }

    private Object proxy(Object target, Class<?>[] own, Class<?>... wanted) {
        Set<Class<?>> interfaces = new java.util.LinkedHashSet<>(Set.of(wanted));
        for (Class<?> type : own) {
            interfaces.add(type);
        }
        return Proxy.newProxyInstance(getClass().getClassLoader(), interfaces.toArray(Class<?>[]::new),
                new Counting(target));
    }

    private final class Counting implements InvocationHandler {
        private final Object target;

        Counting(Object target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (target instanceof Statement) {
                if (EXECUTIONS.contains(name)) {
                    statements.increment();
                } else if (name.equals("addBatch")) {
                    batchedRows.increment();
                }
            } else if (target instanceof Connection && name.equals("commit")) {
                commits.increment();
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof Connection connection && !(name.equals("unwrap"))) {
                return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                        new Counting(connection));
            }
            if (result instanceof Statement statement && !(name.equals("unwrap"))) {
                Class<?> type = result instanceof java.sql.CallableStatement ? java.sql.CallableStatement.class
                        : result instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class
                        : Statement.class;
                return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type},
                        new Counting(statement));
            }
            return result;
        }
    }

    /** Counts at one moment; subtract two to get a phase's. */
    record Calls(long statements, long batchedRows, long commits) {

        Calls minus(Calls earlier) {
            return new Calls(statements - earlier.statements, batchedRows - earlier.batchedRows,
                    commits - earlier.commits);
        }
    }
}
