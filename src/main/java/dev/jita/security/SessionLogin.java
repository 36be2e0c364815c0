package dev.jita.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/**
 * A web UI login, kept in the session: the user, and a fingerprint of the password hash that was stored when
 * they logged in. A new password (even the same one set again: bcrypt salts anew) changes the fingerprint.
 * The fingerprint is a SHA-256 of the hash, so the session never holds the hash itself.
 */
final class SessionLogin extends UsernamePasswordAuthenticationToken {

    private final String passwordFingerprint;

    SessionLogin(JitaUser user, String passwordHash) {
        super(user, null, user.authorities());
        this.passwordFingerprint = fingerprint(passwordHash);
    }

    JitaUser user() {
        return (JitaUser) getPrincipal();
    }

    /** Whether this is the hash that was stored at login. */
    boolean loggedInWith(String passwordHash) {
        return MessageDigest.isEqual(passwordFingerprint.getBytes(StandardCharsets.US_ASCII),
                fingerprint(passwordHash).getBytes(StandardCharsets.US_ASCII));
    }

    private static String fingerprint(String passwordHash) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(passwordHash.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SessionLogin login && super.equals(login)
                && passwordFingerprint.equals(login.passwordFingerprint);
    }

    @Override
    public int hashCode() {
        return super.hashCode() * 31 + passwordFingerprint.hashCode();
    }
}
