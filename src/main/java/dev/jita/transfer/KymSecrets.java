package dev.jita.transfer;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The passwords of an archive, encrypted under a key derived from the export's passphrase: PBKDF2 with
 * HMAC-SHA256 (a slow derivation, so that a stolen archive's passphrase cannot be guessed quickly) over a random
 * salt that the archive carries, then AES-256-GCM with a fresh nonce per value. Each value is bound to its place
 * (menu, record, column) as associated data, so that values cannot be moved between records unnoticed.
 */
final class KymSecrets {

    static final String KDF = "PBKDF2WithHmacSHA256";
    static final int ITERATIONS = 600_000;
    /** The fewest and most iterations the setting allows and an archive may name (an import refuses others). */
    static final int MIN_ITERATIONS = 1_000;
    static final int MAX_ITERATIONS = 10_000_000;
    static final String CIPHER = "AES/GCM/NoPadding";
    private static final int KEY_BITS = 256;
    private static final int SALT_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Encrypted into the archive's SECRETS entry: an import checks the passphrase with it before anything else. */
    static final String CHECK = "jita-kym-passphrase-check";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;
    private final byte[] salt;
    private final int iterations;

    private KymSecrets(SecretKey key, byte[] salt, int iterations) {
        this.key = key;
        this.salt = salt;
        this.iterations = iterations;
    }

    /** A new key from the passphrase, with a new random salt. */
    static KymSecrets fresh(String passphrase, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return derived(passphrase, salt, iterations);
    }

    /** The key an archive's values were encrypted with, given its salt and iteration count. */
    static KymSecrets derived(String passphrase, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(passphrase.toCharArray(), salt, iterations, KEY_BITS);
        try {
            byte[] raw = SecretKeyFactory.getInstance(KDF).generateSecret(spec).getEncoded();
            return new KymSecrets(new SecretKeySpec(raw, "AES"), salt.clone(), iterations);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot derive a key", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** The archive's SECRETS entry: how the key is derived, and the check value. */
    Map<String, Object> description() {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("kdf", KDF);
        entry.put("iterations", iterations);
        entry.put("salt", Base64.getEncoder().encodeToString(salt));
        entry.put("key_bits", KEY_BITS);
        entry.put("cipher", CIPHER);
        entry.put("check", encrypt(CHECK, CHECK));
        return entry;
    }

    /** base64 of the nonce followed by the ciphertext and its tag. */
    String encrypt(String clear, String place) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(place.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt", e);
        }
    }

    /** Thrown by {@link #decrypt} when a value was not encrypted with this key for this place. */
    static final class WrongKey extends Exception {
        WrongKey() {
            super("wrong passphrase or altered value", null, false, false);
        }
    }

    /** The clear value of {@link #encrypt}'s output for the same place. */
    String decrypt(String sealed, String place) throws WrongKey {
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed);
            if (bytes.length <= NONCE_BYTES) {
                throw new WrongKey();
            }
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(place.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new WrongKey();
        }
    }

    /** The place a record's password is bound to: {@code <menu>/<uuid>/<column>}. */
    static String place(String menu, String recordId, String column) {
        return menu + "/" + recordId + "/" + column;
    }
}
