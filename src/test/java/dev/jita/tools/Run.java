package dev.jita.tools;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What an operator script printed (standard output and error together) and its exit code. */
record Run(int exit, String output) {

    /**
     * Runs {@code command} with {@code input} on stdin and {@code conf} as its API_AUTH_CONF, keeping its files
     * in {@code temp}; {@code path} replaces PATH when not null.
     */
    static Run of(List<String> command, String input, Path conf, Path temp, Path path) {
        try {
            Path stdin = Files.writeString(Files.createTempFile(temp, "stdin", ".txt"), input);
            Path output = Files.createTempFile(temp, "output", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(stdin.toFile()).redirectOutput(output.toFile());
            builder.environment().put("API_AUTH_CONF", conf.toString());
            if (path != null) {
                builder.environment().put("PATH", path.toString());
            }
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(command + " did not finish within 60 s: " + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(command + " could not be run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
