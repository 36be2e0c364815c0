package dev.jita.transfer;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * A {@code .kym} archive (tar.gz) written entry by entry to a stream: long and non-ASCII names as POSIX (PAX)
 * headers, so that every menu and file name fits.
 */
final class ArchiveWriter implements Closeable {

    private final TarArchiveOutputStream tar;
    private final Date time = Date.from(Instant.now());

    ArchiveWriter(OutputStream out) throws IOException {
        this.tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(new BufferedOutputStream(out)),
                StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
    }

    void add(String name, byte[] content) throws IOException {
        TarArchiveEntry entry = entry(name, content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    void add(String name, Path file) throws IOException {
        TarArchiveEntry entry = entry(name, Files.size(file));
        tar.putArchiveEntry(entry);
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(tar);
        }
        tar.closeArchiveEntry();
    }

    private TarArchiveEntry entry(String name, long size) {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(size);
        entry.setModTime(time);
        entry.setMode(0644);
        return entry;
    }

    @Override
    public void close() throws IOException {
        tar.finish();
        tar.close();
    }
}
