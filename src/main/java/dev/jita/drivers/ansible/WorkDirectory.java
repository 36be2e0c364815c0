package dev.jita.drivers.ansible;

import dev.jita.execution.WorkArea;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * The directory one execution runs in: playbooks/, site.yml, upload_files/ (the files of sheets' file items)
 * and output/; the inventory, which
 * holds passwords, is handed to the sandbox apart ({@link #inventory}). Readable by its owner only, and
 * deleted when the execution ends.
 */
final class WorkDirectory {

    static final String INVENTORY = "inventory.yml";
    static final String SITE = "site.yml";
    static final String OUTPUT = "output";
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    /** Its own mapper: one line per value whatever the application's JSON settings are. */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path root;

    /** Nothing is written before {@link #prepare}. */
    WorkDirectory(Path root) {
        this.root = root.toAbsolutePath();
    }

    /** Writes the execution's files into a new directory. */
    void prepare(AnsiblePlan plan) throws IOException {
        Files.createDirectories(root.getParent());
        delete();
        directory(root);
        directory(root.resolve("playbooks"));
        directory(output());
        StringBuilder site = new StringBuilder();
        for (AnsiblePlan.Playbook playbook : plan.playbooks()) {
            file(root.resolve("playbooks").resolve(playbook.name()), playbook.content());
            site.append("- import_playbook: ").append(yaml("playbooks/" + playbook.name())).append('\n');
        }
        file(root.resolve(SITE), site.toString());
        if (!plan.files().isEmpty()) {
            directory(root.resolve(AnsiblePlan.UPLOAD_FILES));
        }
        for (AnsiblePlan.UploadFile upload : plan.files()) {
            Path path = root.resolve(upload.path());
            directory(path.getParent());
            file(path, upload.content());
        }
    }

    /**
     * The populated data: the playbooks, site.yml and the files of file items as the run got them (the
     * inventory, which holds passwords, is not kept).
     */
    Map<String, byte[]> populatedData(AnsiblePlan plan) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(SITE, Files.readAllBytes(root.resolve(SITE)));
        try (Stream<Path> playbooks = Files.list(root.resolve("playbooks"))) {
            for (Path playbook : playbooks.sorted().toList()) {
                files.put("playbooks/" + playbook.getFileName(), Files.readAllBytes(playbook));
            }
        }
        for (AnsiblePlan.UploadFile upload : plan.files()) {
            files.put(upload.path(), Files.readAllBytes(root.resolve(upload.path())));
        }
        return files;
    }

    Path root() {
        return root;
    }

    /** Files a playbook writes here (via the extra var jita_output_dir) are kept for download. */
    Path output() {
        return root.resolve(OUTPUT);
    }

    /**
     * The regular files directly in output/. Links are skipped and output/ itself must still be the directory
     * made for it (a playbook may have replaced it with a link), so nothing outside can be read through them.
     */
    List<Path> outputFiles() throws IOException {
        if (!Files.isDirectory(output(), LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(output())) {
            return entries.filter(entry -> Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
    }

    /** A file of {@link #outputFiles}, opened without following a link that may have replaced it. */
    static byte[] read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return in.readAllBytes();
        }
    }

    void delete() throws IOException {
        WorkArea.deleteTree(root);
    }

    /**
     * The inventory in YAML flow style (JSON with tags): each host's connection, its substitution values (a file
     * as its path in {@code workDir}, the work directory as the tool sees it), and its password marked !unsafe so
     * that Ansible never templates it. It goes to the sandbox's memory, never to the work directory.
     */
    static byte[] inventory(AnsiblePlan plan, Path workDir) {
        StringBuilder inventory = new StringBuilder("all:\n  hosts:\n");
        for (AnsiblePlan.Host host : plan.hosts()) {
            Map<String, Object> vars = new LinkedHashMap<>();
            vars.put("ansible_host", host.address());
            vars.put("ansible_connection", host.connection());
            if (host.user() != null) {
                vars.put("ansible_user", host.user());
            }
            // Substitution values win over the device's settings, as host_vars win over an inventory.
            vars.putAll(AnsiblePlan.variables(host, workDir));
            String line = yaml(vars);
            if (host.password() != null && !vars.containsKey("ansible_password")) {
                line = line.substring(0, line.length() - 1) + ", \"ansible_password\": !unsafe " + yaml(host.password()) + "}";
            }
            inventory.append("    ").append(yaml(host.name())).append(": ").append(line).append('\n');
        }
        return inventory.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * JSON, which YAML reads as is, so no value can break the quoting. The three characters YAML alone takes
     * for line breaks are escaped as well.
     */
    private static String yaml(Object value) {
        return JSON.writeValueAsString(value).replace("\u0085", "\\u0085").replace("\u2028", "\\u2028")
                .replace("\u2029", "\\u2029");
    }

    private void directory(Path path) throws IOException {
        Files.createDirectory(path);
        restrict(path, OWNER_ONLY_DIR);
    }

    private void file(Path path, String content) throws IOException {
        file(path, content.getBytes(StandardCharsets.UTF_8));
    }

    private void file(Path path, byte[] content) throws IOException {
        if (!path.normalize().getParent().startsWith(root)) {
            throw new IOException("Refusing to write outside the work directory: " + path.getFileName());
        }
        try {
            Files.createFile(path);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("Two files of the execution have the same name: " + path.getFileName(), e);
        }
        restrict(path, OWNER_ONLY_FILE);
        Files.write(path, content);
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }
}
