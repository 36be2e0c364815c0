package dev.jita.test;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The class path and class-data-sharing archive of the node processes tests start: the classes a node loads at
 * start, parsed and verified once, mapped by every later node (a node's start takes about a quarter less CPU).
 * The JVM archives classes from jar files only, so the build's class directories are packed into jars first.
 * One archive serves every test JVM and run of the same build output: it is made under a file lock in
 * {@code target/node-cds/<hash of the class path and the classes>}, by a JVM that starts a node up to its
 * refreshed context and exits. Where it cannot be made, nodes start without it.
 */
final class NodeClassData {

    private static final Path ROOT = Path.of("target", "node-cds");
    private static final Duration TRAINING_LIMIT = Duration.ofMinutes(3);
    private static List<String> options;

    private NodeClassData() {
    }

    /** The JVM options that give a node the test class path, with the archive where there is one. */
    static synchronized List<String> classPath() {
        if (options == null) {
            List<String> plain = List.of("-cp", System.getProperty("java.class.path"));
            try {
                options = archived();
            } catch (IOException | RuntimeException e) {
                System.err.println("Node processes start without a class-data-sharing archive: " + e);
                options = plain;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                options = plain;
            }
        }
        return options;
    }

    private static List<String> archived() throws IOException, InterruptedException {
        List<Path> entries = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty()).map(Path::of).toList();
        Path home = ROOT.resolve(fingerprint(entries));
        Path archive = home.resolve("node.jsa");
        Files.createDirectories(home);
        try (FileChannel lockFile = FileChannel.open(home.resolve("lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = lockFile.lock()) {
            List<String> classPath = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                Path entry = entries.get(i);
                classPath.add(Files.isDirectory(entry) ? jarOf(entry, home.resolve("classes-" + i + ".jar"))
                        : entry.toAbsolutePath().toString());
            }
            String joined = String.join(File.pathSeparator, classPath);
            if (!Files.exists(archive)) {
                forgetEarlierBuilds(home);
                train(joined, archive);
            }
            return List.of("-XX:SharedArchiveFile=" + archive.toAbsolutePath(), "-cp", joined);
        }
    }

    /** Removes the archives of earlier builds (hours old: no run still uses their jars). */
    private static void forgetEarlierBuilds(Path home) throws IOException {
        long before = System.currentTimeMillis() - Duration.ofHours(2).toMillis();
        try (Stream<Path> builds = Files.list(ROOT)) {
            for (Path build : builds.filter(build -> !build.equals(home)).toList()) {
                if (Files.getLastModifiedTime(build).toMillis() < before) {
                    deleteAll(build);
                }
            }
        }
    }

    private static void deleteAll(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    /** Changes with the class path and with any class or resource of the build's directories. */
    private static String fingerprint(List<Path> entries) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        digest.update(System.getProperty("java.home").getBytes(StandardCharsets.UTF_8));
        for (Path entry : entries) {
            digest.update(entry.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8));
            if (Files.isDirectory(entry)) {
                try (Stream<Path> files = Files.walk(entry)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        digest.update((entry.relativize(file) + " " + Files.size(file) + " "
                                + Files.getLastModifiedTime(file).toMillis()).getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 12);
    }

    private static String jarOf(Path directory, Path jar) throws IOException {
        if (!Files.exists(jar)) {
            Path partial = Files.createTempFile(jar.getParent(), "partial-", ".jar");
            try (OutputStream out = Files.newOutputStream(partial); JarOutputStream packed = new JarOutputStream(out);
                 Stream<Path> files = Files.walk(directory)) {
                // Directories get entries of their own: class path scans (components, migrations) list them.
                for (Path file : files.filter(file -> !file.equals(directory)).sorted().toList()) {
                    String name = directory.relativize(file).toString().replace(File.separatorChar, '/');
                    boolean isDirectory = Files.isDirectory(file);
                    packed.putNextEntry(new JarEntry(isDirectory ? name + "/" : name));
                    if (!isDirectory) {
                        Files.copy(file, packed);
                    }
                    packed.closeEntry();
                }
            } catch (IOException | UncheckedIOException e) {
                Files.deleteIfExists(partial);
                throw e;
            }
            Files.move(partial, jar, StandardCopyOption.ATOMIC_MOVE);
        }
        return jar.toAbsolutePath().toString();
    }

    /** Starts a node on a database of its own up to its refreshed context; the JVM writes the archive as it exits. */
    private static void train(String classPath, Path archive) throws IOException, InterruptedException {
        Path data = Files.createTempDirectory("jita-node-cds-");
        Path partial = archive.resolveSibling("node.jsa.partial");
        Path log = archive.resolveSibling("training.log");
        List<String> command = NodeProcess.jvm("-Xmx384m", "-XX:ArchiveClassesAtExit=" + partial.toAbsolutePath(),
                "-Dspring.context.exit=onRefresh");
        command.addAll(List.of("-cp", classPath, "dev.jita.JitaApplication", "--jita.data-dir=" + data,
                "--server.port=0", "--spring.main.banner-mode=off"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(TRAINING_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IOException("the training node did not end within " + TRAINING_LIMIT + "; see " + log);
            }
            if (process.exitValue() != 0 || !Files.exists(partial)) {
                throw new IOException("the training node ended with " + process.exitValue() + "; see " + log);
            }
            Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            process.destroyForcibly();
            deleteAll(data);
        }
    }
}
