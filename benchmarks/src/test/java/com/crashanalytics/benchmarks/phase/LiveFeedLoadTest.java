package com.crashanalytics.benchmarks.phase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The used heap read from {@code jcmd GC.heap_info}, as the live phase's idle-subscription figure reads it. */
class LiveFeedLoadTest {

    /** The parallel collector's report (the run command's since 2026-12-07), with its sizes fixed as the gateway's. */
    private static final String PARALLEL = """
            29390:
             PSYoungGen      total 114688K, used 17695K [0x00000000f8000000, 0x0000000100000000, 0x0000000100000000)
              eden space 98304K, 18% used [0x00000000f8000000,0x00000000f9147c50,0x00000000fe000000)
              from space 16384K, 0% used [0x00000000ff000000,0x00000000ff000000,0x0000000100000000)
              to   space 16384K, 0% used [0x00000000fe000000,0x00000000fe000000,0x00000000ff000000)
             ParOldGen       total 98304K, used 30517K [0x00000000f2000000, 0x00000000f8000000, 0x00000000f8000000)
              object space 98304K, 31% used [0x00000000f2000000,0x00000000f3dcd4a8,0x00000000f8000000)
             Metaspace       used 8945K, committed 9088K, reserved 1114112K
              class space    used 1062K, committed 1152K, reserved 1048576K
            """;

    /** The serial collector's report (the run command's until 2026-12-07), taken from the gateway after a full GC. */
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
    void theParallelCollectorsGenerationsAddUpAndTheMetaspaceIsLeftOut() {
        assertThat(LiveFeedLoad.usedHeapKb(PARALLEL)).isEqualTo(17695 + 30517);
    }

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
