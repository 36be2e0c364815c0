package dev.jita.core;

import javax.sql.DataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DatabaseConfig {

    @Bean
    Dialect dialect(DataSource dataSource) {
        return Dialect.of(dataSource);
    }

    @Bean
    FlywayConfigurationCustomizer dialectPlaceholders(Dialect dialect) {
        return configuration -> configuration.placeholders(dialect.migrationPlaceholders());
    }
}
