package dev.jita.execution;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * This node's part of the work directory: {@code <work-dir>/node-<random>/}, held by a file lock for as long
 * as the node lives. The kernel drops the lock when the process dies however it dies, so any node on the
 * same host can tell a dead node's directory from a live one's and removes it: at its start and then every
 * sweep interval. That is how what a node killed with SIGKILL left on disk goes away.
 */
@Component
@EnableConfigurationProperties(ExecutionProperties.class)
public class WorkArea implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WorkArea.class);
    private static final String PREFIX = "node-";
    private static final String LOCK = ".lock";
    /** A node directory without its lock file yet may be one being made right now. */
    private static final Duration UNLOCKED_GRACE = Duration.ofMinutes(1);
    /**
     * The lock files nodes of this process hold. A POSIX lock belongs to the process: closing any channel on the
     * file, even a probe's, would drop it, so the sweep never opens these.
     */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path root;
    private final Path own;
    private final FileChannel lockChannel;
    private final FileLock lock;

    WorkArea(ExecutionProperties properties) throws IOException {
        this.root = properties.workDir().toAbsolutePath().normalize();
        this.own = root.resolve(PREFIX + UUID.randomUUID());
        // Traversable but not listable by others: the sandbox's unprivileged user must reach its directory.
        Files.createDirectories(root);
        traversable(root);
        Files.createDirectory(own);
        traversable(own);
        this.lockChannel = FileChannel.open(own.resolve(LOCK), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.lock = lockChannel.lock();
        HELD_HERE.add(own.resolve(LOCK));
        sweep();
    }

    /** Where the execution {@code id} keeps its files while this node runs it; not created yet. */
    public Path directoryFor(String id) {
        return own.resolve(id);
    }

    /** Removes the directories of nodes that are gone. */
    @Scheduled(fixedDelayString = "${jita.execution.sweep-interval:1m}", initialDelayString = "${jita.execution.sweep-interval:1m}")
    public void sweep() {
        List<Path> nodes;
        try (Stream<Path> entries = Files.list(root)) {
            nodes = entries.filter(p -> p.getFileName().toString().startsWith(PREFIX) && !p.equals(own)).toList();
        } catch (IOException e) {
            log.warn("The work directory {} could not be read: {}", root, e.getMessage());
            return;
        }
        for (Path node : nodes) {
            try {
                if (isDead(node)) {
                    killProcessesIn(node);
                    deleteTree(node);
                    log.info("Removed {}, left behind by a node that is gone", node);
                }
            } catch (IOException | RuntimeException e) {
                log.warn("{}, left by a node that is gone, could not be removed: {}", node, e.getMessage());
            }
        }
    }

    private static boolean isDead(Path node) throws IOException {
        Path lockFile = node.resolve(LOCK);
        if (HELD_HERE.contains(lockFile)) {
            return false;
        }
        if (!Files.isRegularFile(lockFile, LinkOption.NOFOLLOW_LINKS)) {
            return Files.getLastModifiedTime(node, LinkOption.NOFOLLOW_LINKS).toInstant()
                    .isBefore(Instant.now().minus(UNLOCKED_GRACE));
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            FileLock probe = channel.tryLock();
            if (probe == null) {
                return false;
            }
            probe.release();
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /**
     * Kills what still runs in a dead node's directory before it is removed. A tool in the sandbox died with its
     * node already; one run without it (jita.execution.sandbox=false) outlives a node killed with SIGKILL.
     */
    private static void killProcessesIn(Path node) throws IOException {
        Path real = node.toRealPath();
        List<ProcessHandle> left = ProcessHandle.allProcesses()
                .filter(p -> workingDirectory(p).map(cwd -> cwd.startsWith(real)).orElse(false)).toList();
        for (ProcessHandle process : left) {
            log.warn("Killing process {} ({}), left running in {} by a node that is gone", process.pid(),
                    process.info().command().orElse("?"), node);
            process.destroyForcibly();
        }
        for (ProcessHandle process : left) {
            try {
                process.onExit().get(5, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                log.warn("Process {} in {} did not end: {}", process.pid(), node, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Optional<Path> workingDirectory(ProcessHandle process) {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc", String.valueOf(process.pid()), "cwd")));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** Deletes a tree without following links: a link left inside is removed, never what it points to. */
    public static void deleteTree(Path top) throws IOException {
        if (!Files.exists(top, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(top)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static void traversable(Path directory) throws IOException {
        if (Files.getFileStore(directory).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx--x--x"));
        }
    }

    @Override
    public void destroy() throws IOException {
        try {
            deleteTree(own);
        } finally {
            HELD_HERE.remove(own.resolve(LOCK));
            lock.release();
            lockChannel.close();
        }
    }
}
