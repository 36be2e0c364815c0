package dev.jita.transfer;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jita.test.DatabaseIndependent;
import org.junit.jupiter.api.Test;

/** The range of the passphrase's PBKDF2 rounds that a server accepts as its setting. */
@DatabaseIndependent
class PassphraseIterationsTest {

    private static MenuExportRun exportWith(int iterations) {
        return new MenuExportRun(null, null, null, null, null, null, null, null, null, null, iterations);
    }

    @Test
    void aSettingOutsideTheRangeStopsTheServerFromStarting() {
        for (int iterations : new int[] {KymSecrets.MIN_ITERATIONS - 1, KymSecrets.MAX_ITERATIONS + 1, 0, -1}) {
            assertThatThrownBy(() -> exportWith(iterations)).as("%d", iterations)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("jita.menu-export-import.passphrase-iterations must be between 1000 and 10000000");
        }
        exportWith(KymSecrets.MIN_ITERATIONS);
        exportWith(KymSecrets.MAX_ITERATIONS);
    }
}
