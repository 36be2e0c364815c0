package dev.jita.menu;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Encrypts password columns and whatever else other modules must keep secret at rest, such as Terraform
 * state (AES-256-GCM). The key is {@code jita.secret-key} (base64 of 32 bytes,
 * e.g. from JITA_SECRET_KEY); without it jita makes one at first use and keeps it in the database, which
 * keeps passwords out of records, journals and backups of them, but not away from whoever has the database.
 */
@Component
public class SecretBox implements SmartInitializingSingleton {

    private static final String PREFIX = "v1:";
    private static final String KEY_NAME = "menu-password-key";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final String configuredKey;
    private volatile SecretKeySpec key;

    SecretBox(JdbcClient jdbc, @Value("${jita.secret-key:}") String configuredKey) {
        this.jdbc = jdbc;
        this.configuredKey = configuredKey;
    }

    /** The key is read (or made) at start, outside any write's transaction. */
    @Override
    public void afterSingletonsInstantiated() {
        key();
    }

    String encrypt(String clear) {
        return PREFIX + Base64.getEncoder().encodeToString(seal(clear.getBytes(StandardCharsets.UTF_8)));
    }

    String decrypt(String stored) {
        try {
            return new String(open(Base64.getDecoder().decode(stored.substring(PREFIX.length()))), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("A password column cannot be decrypted: was jita.secret-key changed?", e);
        }
    }

    /** {@code clear} encrypted with a fresh IV: the IV, then the ciphertext with its tag. */
    public byte[] seal(byte[] clear) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(clear);
            return ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt", e);
        }
    }

    /** What {@link #seal} sealed; fails where it was changed or sealed with another key. */
    public byte[] open(byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, sealed, 0, 12));
            return cipher.doFinal(sealed, 12, sealed.length - 12);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Encrypted data cannot be decrypted: was jita.secret-key changed?", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(Base64.getDecoder().decode(configuredKey.isBlank() ? storedKey() : configuredKey.trim()), "AES");
                    if (key.getEncoded().length != 32) {
                        throw new IllegalStateException("jita.secret-key must be 32 bytes in base64");
                    }
                }
                current = key;
            }
        }
        return current;
    }

    private String storedKey() {
        for (int attempt = 0; attempt < 2; attempt++) {
            var existing = jdbc.sql("SELECT secret_value FROM platform_secret WHERE secret_name = ?").param(KEY_NAME)
                    .query(String.class).optional();
            if (existing.isPresent()) {
                return existing.get();
            }
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            try {
                jdbc.sql("INSERT INTO platform_secret (secret_name, secret_value) VALUES (?, ?)")
                        .params(KEY_NAME, Base64.getEncoder().encodeToString(fresh)).update();
            } catch (DuplicateKeyException anotherNodeWasFirst) {
                continue;
            }
        }
        return jdbc.sql("SELECT secret_value FROM platform_secret WHERE secret_name = ?").param(KEY_NAME)
                .query(String.class).single();
    }
}
