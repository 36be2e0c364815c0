package dev.jita.core;

import javax.sql.DataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DatabaseConfig {

    /**
     * Also makes an H2 database durable for a killed process before Flyway or anyone else writes to it, and
     * warns when a database server is set up to lose commits in a crash.
     */
    @Bean
    Dialect dialect(DataSource dataSource) {
        Dialect dialect = Dialect.of(dataSource);
        if (dialect == Dialect.H2) {
            H2WriteDelay.writeEveryCommitBeforeItReturns(dataSource);
        } else {
            ServerCommitSettings.warnWhenCommitsMayBeLost(dataSource, dialect);
        }
        return dialect;
    }

    @Bean
    FlywayConfigurationCustomizer dialectPlaceholders(Dialect dialect) {
        return configuration -> configuration.placeholders(dialect.migrationPlaceholders());
    }
}
