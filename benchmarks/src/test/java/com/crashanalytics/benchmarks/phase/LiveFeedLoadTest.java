package com.crashanalytics.benchmarks.phase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The used heap read from {@code jcmd GC.heap_info}, as the live phase's idle-subscription figure reads it. */
class LiveFeedLoadTest {

    /** The serial collector's report (the run command's), taken from the gateway after a full GC. */
    private static final String SERIAL = """
            14540:
             def new generation   total 46016K, used 1985K [0x00000000f2000000, 0x00000000f51e0000, 0x00000000f6aa0000)
              eden space 40960K,   4% used [0x00000000f2000000, 0x00000000f21f0660, 0x00000000f4800000)
              from space 5056K,   0% used [0x00000000f4800000, 0x00000000f4800000, 0x00000000f4cf0000)
              to   space 5056K,   0% used [0x00000000f4cf0000, 0x00000000f4cf0000, 0x00000000f51e0000)
             tenured generation   total 102076K, used 61255K [0x00000000f6aa0000, 0x00000000fce4f000, 0x0000000100000000)
               the space 102076K,  60% used [0x00000000f6aa0000, 0x00000000fa671ca8, 0x00000000fa671e00, 0x00000000fce4f000)
             Metaspace       used 63941K, committed 64576K, reserved 1114112K
              class space    used 8518K, committed 8832K, reserved 1048576K
            """;

    private static final String G1 = """
            2201:
             garbage-first heap   total 262144K, used 81234K [0x00000000f0000000, 0x0000000100000000)
              region size 1024K, 3 young (3072K), 0 survivors (0K)
             Metaspace       used 63941K, committed 64576K, reserved 1114112K
              class space    used 8518K, committed 8832K, reserved 1048576K
            """;

    @Test
    void theSerialCollectorsGenerationsAddUpAndTheMetaspaceIsLeftOut() {
        assertThat(LiveFeedLoad.usedHeapKb(SERIAL)).isEqualTo(1985 + 61255);
    }

    @Test
    void theG1HeapIsReadFromItsOneLine() {
        assertThat(LiveFeedLoad.usedHeapKb(G1)).isEqualTo(81234);
    }

    @Test
    void aReportWithNoHeapFigureIsAnError() {
        assertThatThrownBy(() -> LiveFeedLoad.usedHeapKb("14540:\nCommand executed successfully"))
                .isInstanceOf(IllegalStateException.class);
    }
}
