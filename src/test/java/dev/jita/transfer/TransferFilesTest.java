package dev.jita.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ApiTest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Files of any size go in and come out in chunks, byte for byte. */
class TransferFilesTest extends ApiTest {

    @Autowired
    private TransferFiles files;

    @Test
    void aFileOfSeveralChunksComesBackByteForByte() throws Exception {
        byte[] content = new byte[2 * TransferFiles.CHUNK + 12345];
        new Random(7).nextBytes(content);
        String id = files.store(new ByteArrayInputStream(content));
        assertThat(files.size(id)).contains((long) content.length);
        try (InputStream in = files.open(id).orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        files.delete(id);
        assertThat(files.open(id)).isEmpty();
        assertThat(files.size(id)).isEmpty();
    }

    @Test
    void anEmptyFileAndAnExactChunkAreFilesToo() throws Exception {
        for (int length : new int[] {0, TransferFiles.CHUNK}) {
            byte[] content = new byte[length];
            new Random(length).nextBytes(content);
            String id = files.store(new ByteArrayInputStream(content));
            try (InputStream in = files.open(id).orElseThrow()) {
                assertThat(in.readAllBytes()).as("%d bytes", length).isEqualTo(content);
            }
            assertThat(files.size(id)).contains((long) length);
        }
    }
}
