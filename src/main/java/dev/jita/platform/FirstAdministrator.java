package dev.jita.platform;

import dev.jita.core.Times;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the configured system administrator when it does not exist yet. Without a configured password
 * a random one is generated and written to the log this once; it is never shown again.
 */
@Component
@EnableConfigurationProperties(AdminProperties.class)
class FirstAdministrator implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final AdminProperties properties;

    FirstAdministrator(JdbcClient jdbc, PasswordEncoder passwords, AdminProperties properties) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        String username = properties.username().trim();
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM system_admin WHERE username = ?")
                .param(username).query(Integer.class).single() > 0;
        if (exists) {
            return;
        }
        boolean generated = properties.password() == null || properties.password().isEmpty();
        String password = generated ? randomPassword() : properties.password();
        try {
            jdbc.sql("INSERT INTO system_admin (username, password_hash, created_at) VALUES (?, ?, ?)")
                    .params(username, passwords.encode(password), Times.toDb(Times.now())).update();
        } catch (DuplicateKeyException anotherNodeCreatedIt) {
            return;
        }
        if (generated) {
            log.warn("Created system administrator '{}' with the generated password: {} "
                    + "(shown this once; set JITA_ADMIN_PASSWORD to choose one)", username, password);
        } else {
            log.info("Created system administrator '{}'", username);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
