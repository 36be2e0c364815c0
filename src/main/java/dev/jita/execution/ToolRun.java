package dev.jita.execution;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One tool process over one work directory. The caller builds the tool's arguments with the paths the tool
 * sees ({@link #workDir()}, {@link #secretFile}, {@link #tempDir()}), which differ inside and outside the
 * sandbox, then starts it.
 *
 * <p>The secret file (e.g. an inventory with passwords) never touches the disk in the sandbox: bubblewrap
 * reads it from the process's standard input into the sandbox's own memory-backed {@code /run/jita}, gone
 * with the sandbox however the node ends.
 */
public final class ToolRun {

    private static final Path INSIDE_WORK = Path.of("/work");
    private static final Path INSIDE_SECRETS = Path.of("/run/jita");
    private static final Path INSIDE_TMP = Path.of("/tmp");
    private static final String INSIDE_PATH = "/usr/local/bin:/usr/bin:/bin";
    /** What a tool needs of /etc: users, name resolution, certificates, time zone, ssh's client settings. */
    private static final List<String> ETC = List.of("passwd", "group", "hosts", "resolv.conf", "nsswitch.conf",
            "host.conf", "gai.conf", "services", "protocols", "localtime", "ssl", "ca-certificates",
            "ssh/ssh_config", "ssh/ssh_config.d", "alternatives", "ld.so.cache", "ld.so.conf", "ld.so.conf.d");
    /** Top-level directories that are links into /usr on merged-/usr systems and real ones elsewhere. */
    private static final List<String> SYSTEM_DIRECTORIES = List.of("bin", "sbin", "lib", "lib32", "lib64", "libx32");

    private final ExecutionProperties properties;
    private final Path hostWorkDir;
    private final Path bwrap;
    private final Path setpriv;

    ToolRun(ExecutionProperties properties, Path hostWorkDir, Path bwrap, Path setpriv) {
        this.properties = properties;
        this.hostWorkDir = hostWorkDir.toAbsolutePath();
        this.bwrap = bwrap;
        this.setpriv = setpriv;
    }

    /** False only where the system administrator turned the sandbox off. */
    public boolean sandboxed() {
        return bwrap != null;
    }

    public Path hostWorkDir() {
        return hostWorkDir;
    }

    /** The work directory as the tool sees it. */
    public Path workDir() {
        return sandboxed() ? INSIDE_WORK : hostWorkDir;
    }

    /** Where the tool finds the secret file of {@link #start} named {@code name}. */
    public Path secretFile(String name) {
        return sandboxed() ? INSIDE_SECRETS.resolve(name) : hostWorkDir.resolve(name);
    }

    /** A private temporary directory as the tool sees it. */
    public Path tempDir() {
        return sandboxed() ? INSIDE_TMP : hostWorkDir.resolve(".tmp");
    }

    /**
     * Starts {@code command} (its first word a name on jita's PATH or a path) in the work directory, with
     * only {@code environment} and a minimal PATH, HOME and locale: nothing of jita's own environment.
     * Standard input carries the secret and is then closed.
     *
     * @throws FileNotFoundException where the tool is not installed on this node
     */
    public Process start(List<String> command, Map<String, String> environment, String secretName, byte[] secret)
            throws IOException {
        Path tool = Sandbox.onPath(command.get(0)).orElseThrow(() -> new FileNotFoundException(command.get(0)));
        List<String> toolCommand = new ArrayList<>(command);
        toolCommand.set(0, tool.toString());
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", INSIDE_PATH + (tool.startsWith("/usr") ? "" : ":" + tool.getParent()));
        env.put("HOME", tempDir().toString());
        env.put("TMPDIR", tempDir().toString());
        env.put("LANG", "C.UTF-8");
        env.putAll(environment);

        ProcessBuilder builder;
        if (sandboxed()) {
            handOver();
            builder = new ProcessBuilder(bwrapCommand(tool, toolCommand, env, secretName));
            builder.environment().clear();
        } else {
            Files.createDirectories(tempDir());
            if (secretName != null) {
                Path file = secretFile(secretName);
                // A run may start several commands with the same secret (terraform plan, then apply).
                Files.deleteIfExists(file);
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.write(file, secret);
            }
            builder = new ProcessBuilder(toolCommand).directory(hostWorkDir.toFile());
            builder.environment().clear();
            builder.environment().putAll(env);
        }
        Process process = builder.start();
        try (OutputStream stdin = process.getOutputStream()) {
            if (sandboxed() && secretName != null) {
                stdin.write(secret);
            }
        }
        return process;
    }

    private List<String> bwrapCommand(Path tool, List<String> toolCommand, Map<String, String> env, String secretName) {
        List<String> args = new ArrayList<>();
        if (setpriv != null) {
            args.addAll(List.of(setpriv.toString(), "--reuid=" + properties.uid(), "--regid=" + properties.gid(),
                    "--clear-groups", "--"));
        }
        args.addAll(List.of(bwrap.toString(), "--unshare-all", "--share-net", "--unshare-user",
                "--uid", String.valueOf(properties.uid()), "--gid", String.valueOf(properties.gid()),
                "--hostname", "jita-sandbox", "--die-with-parent", "--new-session",
                "--ro-bind", "/usr", "/usr"));
        for (String name : SYSTEM_DIRECTORIES) {
            Path path = Path.of("/", name);
            if (Files.isSymbolicLink(path)) {
                try {
                    args.addAll(List.of("--symlink", Files.readSymbolicLink(path).toString(), path.toString()));
                } catch (IOException e) {
                    throw new Sandbox.Unavailable("The link " + path + " could not be read: " + e.getMessage());
                }
            } else if (Files.isDirectory(path)) {
                args.addAll(List.of("--ro-bind", path.toString(), path.toString()));
            }
        }
        for (String name : ETC) {
            Path path = Path.of("/etc", name);
            if (Files.exists(path)) {
                args.addAll(List.of("--ro-bind", path.toString(), path.toString()));
            }
        }
        List<Path> readable = new ArrayList<>(properties.readOnlyPaths());
        if (!tool.startsWith("/usr")) {
            readable.add(tool.getParent());
        }
        for (Path path : readable) {
            args.addAll(List.of("--ro-bind-try", path.toString(), path.toString()));
        }
        args.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--tmpfs", INSIDE_TMP.toString(), "--tmpfs", "/run",
                "--dir", INSIDE_SECRETS.toString(),
                "--bind", hostWorkDir.toString(), INSIDE_WORK.toString(), "--chdir", INSIDE_WORK.toString(),
                "--clearenv"));
        env.forEach((key, value) -> args.addAll(List.of("--setenv", key, value)));
        if (secretName != null) {
            args.addAll(List.of("--file", "0", secretFile(secretName).toString()));
        }
        args.add("--");
        args.addAll(toolCommand);
        return args;
    }

    /** Where jita runs as root, the tool runs as the unprivileged user: the work directory becomes that user's. */
    private void handOver() throws IOException {
        if (setpriv == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(hostWorkDir)) {
            for (Path path : paths.toList()) {
                Files.setAttribute(path, "unix:uid", properties.uid(), LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(path, "unix:gid", properties.gid(), LinkOption.NOFOLLOW_LINKS);
            }
        }
    }

    static boolean runningAsRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
