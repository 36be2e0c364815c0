package dev.jita.transfer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacks a {@code .kym} archive (tar.gz) into a directory, refusing what could harm the node: names that are not
 * plain relative paths ({@code ..}, absolute, backslashes, control characters), links and devices, duplicate
 * names, more than {@code maxEntries} entries or {@code maxBytes} bytes unpacked (a compression bomb is refused
 * as soon as it passes the bound, never written further).
 */
final class ArchiveReader {

    /** Why an archive is refused; the message says it in words for the operator. */
    static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final Pattern SEGMENT = Pattern.compile("[^/\\\\\\x00-\\x1f]+");

    private ArchiveReader() {
    }

    /**
     * The names unpacked into {@code directory}, in archive order; {@code between} runs before each chunk written
     * (a write of the maintenance gate gives way there).
     */
    static Set<String> unpack(InputStream in, Path directory, long maxBytes, int maxEntries, Runnable between)
            throws Refused, IOException {
        Set<String> names = new LinkedHashSet<>();
        long total = 0;
        InputStream buffered = new BufferedInputStream(in);
        GzipCompressorInputStream gzip;
        try {
            gzip = new GzipCompressorInputStream(buffered);
        } catch (IOException e) {
            throw new Refused("the file is not a gzip-compressed tar archive (.kym)");
        }
        try (TarArchiveInputStream tar = new TarArchiveInputStream(gzip)) {
            TarArchiveEntry entry;
            while ((entry = next(tar)) != null) {
                String name = entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                if (!entry.isFile() || entry.isLink() || entry.isSymbolicLink()) {
                    throw new Refused("the entry " + printable(name) + " is not a plain file (links are refused)");
                }
                if (!safe(name)) {
                    throw new Refused("the entry " + printable(name) + " has an unsafe path (absolute, or with ..)");
                }
                if (!names.add(name)) {
                    throw new Refused("the entry " + printable(name) + " appears twice");
                }
                if (names.size() > maxEntries) {
                    throw new Refused("more than " + maxEntries + " entries");
                }
                Path target = directory.resolve(name).normalize();
                if (!target.startsWith(directory)) {
                    throw new Refused("the entry " + printable(name) + " has an unsafe path (absolute, or with ..)");
                }
                Files.createDirectories(target.getParent());
                byte[] buffer = new byte[64 * 1024];
                try (OutputStream out = Files.newOutputStream(target)) {
                    int read;
                    while ((read = readChunk(tar, buffer)) > 0) {
                        between.run();
                        total += read;
                        if (total > maxBytes) {
                            throw new Refused("it unpacks to more than " + maxBytes + " bytes");
                        }
                        out.write(buffer, 0, read);
                    }
                }
            }
        }
        return names;
    }

    private static TarArchiveEntry next(TarArchiveInputStream tar) throws Refused {
        try {
            return tar.getNextEntry();
        } catch (IOException | RuntimeException e) {
            throw new Refused("the file is not a readable tar.gz archive (.kym)");
        }
    }

    private static int readChunk(InputStream tar, byte[] buffer) throws Refused {
        try {
            return tar.read(buffer);
        } catch (IOException | RuntimeException e) {
            throw new Refused("the archive is truncated or damaged");
        }
    }

    /** A relative path of plain segments: no empty, "." or ".." segment, nothing absolute. */
    static boolean safe(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.length() > 1024) {
            return false;
        }
        for (String segment : name.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")
                    || segment.contains(":")) {
                return false;
            }
        }
        return true;
    }

    private static String printable(String name) {
        String shown = name.replaceAll("[\\x00-\\x1f]", "?");
        return "\"" + (shown.length() > 120 ? shown.substring(0, 120) + "…" : shown) + "\"";
    }
}
