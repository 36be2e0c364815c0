package dev.jita.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The first system administrator: {@code JITA_ADMIN_USERNAME} / {@code JITA_ADMIN_PASSWORD}. */
@ConfigurationProperties("jita.admin")
record AdminProperties(@DefaultValue("admin") String username, String password) {
}
