package dev.jita.drivers.terraform;

import dev.jita.execution.Execution;
import dev.jita.execution.ExecutionRun.Unrunnable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The files one Terraform run works with: the module files and {@code terraform.tfvars} on disk, the
 * sensitive variables apart (they reach terraform through the sandbox's memory only).
 *
 * @param secureTfvars the sensitive variables' file, null when there are none
 * @param secrets      values masked in every log
 */
record WorkFiles(Map<String, byte[]> modules, String tfvars, String secureTfvars, List<String> secrets,
                 Long delayTimer) {

    private static final String SECRETS_ENTRY = "secrets.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A stored configuration is jita's own; this bounds what an unexpected one may unpack to. */
    private static final long MAX_CONFIGURATION_BYTES = 64L * 1024 * 1024;

    static WorkFiles of(TerraformPlan plan) throws Unrunnable {
        try {
            String secure = Tfvars.render(plan.values(), true);
            return new WorkFiles(plan.modules(), Tfvars.render(plan.values(), false), secure.isEmpty() ? null : secure,
                    plan.secrets(), plan.delayTimer());
        } catch (Tfvars.Invalid e) {
            throw new Unrunnable("The variable values cannot be written for terraform: " + e.getMessage());
        }
    }

    /** For a resource deletion: the configuration the Terraform workspace's state was last written with. */
    static WorkFiles restore(TerraformStates.Stored stored, Execution execution) throws Unrunnable, IOException {
        if (stored.state() == null || stored.configuration() == null) {
            throw new Unrunnable("Terraform workspace " + execution.targetName()
                    + " has no state yet: there are no resources to delete.");
        }
        Map<String, byte[]> entries = unzip(stored.configuration());
        Map<String, byte[]> modules = new LinkedHashMap<>();
        entries.forEach((name, content) -> {
            if (name.endsWith(".tf") || name.equals(TerraformCliDriver.LOCK_FILE)) {
                modules.put(name, content);
            }
        });
        byte[] tfvars = entries.get(TerraformCliDriver.TFVARS);
        byte[] secure = entries.get(TerraformCliDriver.SECURE_TFVARS);
        byte[] secrets = entries.get(SECRETS_ENTRY);
        return new WorkFiles(modules, tfvars == null ? "" : new String(tfvars, StandardCharsets.UTF_8),
                secure == null ? null : new String(secure, StandardCharsets.UTF_8),
                secrets == null ? List.of() : JSON.readValue(secrets, new TypeReference<List<String>>() { }), null);
    }

    /** Writes the module files and terraform.tfvars into the work directory, readable by their owner only. */
    void write(Path work) throws IOException {
        for (Map.Entry<String, byte[]> module : modules.entrySet()) {
            writeFile(work, module.getKey(), module.getValue());
        }
        writeFile(work, TerraformCliDriver.TFVARS, tfvars.getBytes(StandardCharsets.UTF_8));
    }

    /** The populated data: what terraform was given, without the sensitive variables. */
    Map<String, byte[]> populatedData() {
        return populatedData(modules, tfvars);
    }

    /** The module files and the non-sensitive variables as {@code terraform.tfvars}. */
    static Map<String, byte[]> populatedData(Map<String, byte[]> modules, String tfvars) {
        Map<String, byte[]> files = new LinkedHashMap<>(modules);
        files.put(TerraformCliDriver.TFVARS, tfvars.getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /** What a later resource deletion needs besides the state, stored encrypted with it. */
    byte[] configuration(byte[] lockFile) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>(modules);
        files.put(TerraformCliDriver.TFVARS, tfvars.getBytes(StandardCharsets.UTF_8));
        if (secureTfvars != null) {
            files.put(TerraformCliDriver.SECURE_TFVARS, secureTfvars.getBytes(StandardCharsets.UTF_8));
        }
        if (lockFile != null) {
            files.put(TerraformCliDriver.LOCK_FILE, lockFile);
        }
        files.put(SECRETS_ENTRY, JSON.writeValueAsBytes(secrets));
        return zip(files);
    }

    static void writeFile(Path work, String name, byte[] content) throws IOException {
        Path path = work.resolve(name).normalize();
        if (!work.equals(path.getParent())) {
            throw new IOException("Refusing to write outside the work directory: " + name);
        }
        Files.write(Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
                content);
    }

    /** Reads a file terraform wrote without following a link that may have replaced it. */
    static byte[] read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return in.readAllBytes();
        }
    }

    static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static Map<String, byte[]> unzip(byte[] content) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                byte[] data = zip.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_CONFIGURATION_BYTES - total + 1));
                total += data.length;
                if (total > MAX_CONFIGURATION_BYTES || entry.getName().contains("/")) {
                    throw new IOException("The stored configuration is not one jita wrote");
                }
                files.put(entry.getName(), data);
            }
        }
        return files;
    }

}
