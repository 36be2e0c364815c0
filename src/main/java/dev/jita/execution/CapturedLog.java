package dev.jita.execution;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One output stream of a run, as stored: secrets replaced by {@code ********} line by line before anything
 * keeps them, NUL characters dropped (PostgreSQL text refuses them), and bounded in size (the start and the
 * latest output are kept, the middle is dropped).
 */
final class CapturedLog {

    /** Two such logs stay well below MariaDB's default packet size of 16 MB when saved together. */
    private static final int MAX_CHARS = 2_000_000;
    private static final String OMITTED = "\n[... output omitted: the log is longer than jita keeps ...]\n";

    private final List<String> secrets;
    private final StringBuilder text = new StringBuilder();
    private int head = -1;
    private long changes;
    private long flushed;

    /** @param secrets replaced wherever they appear, also as Ansible prints them inside JSON strings */
    CapturedLog(List<String> secrets) {
        List<String> forms = new ArrayList<>();
        for (String secret : secrets) {
            forms.add(secret);
            String escaped = secret.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t")
                    .replace("\n", "\\n").replace("\r", "\\r");
            if (!escaped.equals(secret)) {
                forms.add(escaped);
            }
        }
        // Longer first, so that a secret containing another is masked whole.
        forms.sort(Comparator.comparingInt(String::length).reversed());
        this.secrets = forms;
    }

    synchronized void appendLine(String line) {
        String clean = line.replace("\u0000", "");
        for (String secret : secrets) {
            clean = clean.replace(secret, ExecutionRun.MASK);
        }
        text.append(clean).append('\n');
        if (text.length() > MAX_CHARS) {
            if (head < 0) {
                head = MAX_CHARS / 2;
                text.insert(head, OMITTED);
                head += OMITTED.length();
            }
            text.delete(head, head + text.length() - MAX_CHARS);
        }
        changes++;
    }

    /** Replaces the whole text, masked and bounded as appended lines are. */
    synchronized void replace(String whole) {
        text.setLength(0);
        head = -1;
        if (!whole.isEmpty()) {
            for (String line : whole.split("\n", -1)) {
                appendLine(line);
            }
        }
        changes++;
    }

    /** The text when it changed since the last call, else null. */
    synchronized String takeChanged() {
        if (changes == flushed) {
            return null;
        }
        flushed = changes;
        return text.toString();
    }

    synchronized String text() {
        return text.toString();
    }

    /** Reads {@code stream} line by line into this log on a thread of its own, until the stream ends. */
    Thread pump(InputStream stream, String name) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    appendLine(line);
                }
            } catch (IOException e) {
                appendLine("[jita: the output stream of the tool failed: " + e.getMessage() + "]");
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
