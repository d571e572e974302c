package org.ecgchat.io.wfdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Time strings follow WFDB C 10.7's timstr, mstimstr and strtim. */
class WfdbTimeTest {
    private static final WfdbTime AT_360 = WfdbTime.ofFrequency(360);

    @Test
    void elapsedTimes() {
        assertThat(AT_360.mstimstr(3600)).isEqualTo("    0:10.000");
        assertThat(AT_360.timstr(3600)).isEqualTo("    0:10");
        assertThat(AT_360.mstimstr(360 * 3725 + 180)).isEqualTo(" 1:02:05.500");
        assertThat(AT_360.timstr(0)).isEqualTo("    0:00");
        assertThat(AT_360.mstimstr(21600)).isEqualTo("    1:00.000");
    }

    @Test
    void parsesSecondsClockAndSampleNumbers() {
        assertThat(AT_360.strtim("10")).isEqualTo(3600);
        assertThat(AT_360.strtim("0.002")).isEqualTo(1);
        assertThat(AT_360.strtim("1:00")).isEqualTo(21600);
        assertThat(AT_360.strtim("1:00:00")).isEqualTo(1296000);
        assertThat(AT_360.strtim("s70000")).isEqualTo(70000);
        assertThatThrownBy(() -> AT_360.strtim("ten")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timesOfDayNeedABaseTime() {
        WfdbHeader h = new WfdbHeader("x", 125, 125, 0, java.util.OptionalLong.of(7500),
                Optional.of(LocalTime.of(22, 0, 23)), Optional.of(LocalDate.of(1995, 7, 20)), List.of(), List.of(),
                List.of());
        WfdbTime t = h.time();
        assertThat(t.mstimstr(0)).isEqualTo("[22:00:23.000 20/07/1995]");
        assertThat(t.timstr(0)).isEqualTo("[22:00:23 20/07/1995]");
        assertThat(t.timstr(-125 * 7200)).isEqualTo("[00:00:23 21/07/1995]");
        assertThat(t.mstimstr(125)).isEqualTo("    0:01.000");
        assertThat(t.strtim("[22:01:23 20/07/1995]")).isEqualTo(-125 * 60);
        assertThat(t.strtim("e")).isEqualTo(7500);
    }

    @Test
    void baseTimeAsSetheaderWritesIt() {
        assertThat(WfdbTime.formatBaseTime(LocalTime.of(0, 0, 30))).isEqualTo("    0:30");
        assertThat(WfdbTime.formatBaseTime(LocalTime.of(8, 26, 4))).isEqualTo(" 8:26:04");
        assertThat(WfdbTime.formatBaseTime(LocalTime.of(19, 46, 25, 757_000_000))).isEqualTo("19:46:25.757");
    }
}
