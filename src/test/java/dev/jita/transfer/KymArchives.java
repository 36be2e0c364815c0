package dev.jita.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** The entries of a {@code .kym} archive as the tests read them. */
final class KymArchives {

    private KymArchives() {
    }

    /** Entry name → content, in the archive's order; each name appears once. */
    static Map<String, byte[]> entries(byte[] kym) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(
                new ByteArrayInputStream(kym)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                assertThat(entries.put(entry.getName(), tar.readAllBytes())).as(entry.getName()).isNull();
            }
        }
        return entries;
    }
}
