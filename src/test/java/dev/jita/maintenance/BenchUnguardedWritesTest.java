package dev.jita.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jita.test.DatabaseIndependent;
import org.junit.jupiter.api.Test;

/** The benchmark-only switch that lifts the load-mode guard cannot be turned on by the property alone. */
@DatabaseIndependent
class BenchUnguardedWritesTest {

    @Test
    void guardedUnlessBothThePropertyAndTheVariableSaySo() {
        assertThat(MaintenanceGate.guarded(false, null)).isTrue();
        assertThat(MaintenanceGate.guarded(false, MaintenanceGate.BENCH_ENV_VALUE)).isTrue();
        assertThat(MaintenanceGate.guarded(true, MaintenanceGate.BENCH_ENV_VALUE)).isFalse();
    }

    @Test
    void thePropertyAloneStopsTheStart() {
        assertThatThrownBy(() -> MaintenanceGate.guarded(true, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(MaintenanceGate.BENCH_ENV);
        assertThatThrownBy(() -> MaintenanceGate.guarded(true, "true"))
                .isInstanceOf(IllegalStateException.class);
    }
}
