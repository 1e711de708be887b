package io.puredots.analyzer.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.puredots.analyzer.stats.ChunkStats;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the field programs of report's handler step over, in chunks with and without compressed integers. */
class FieldProgramCompilerTest {
    private static final Path REPO = Path.of(System.getProperty("user.dir")).getParent();

    /**
     * A field is stepped over as one integer ({@code ChunkInput.skipLong}): a varint when integers
     * are compressed; otherwise 8 bytes, right for a long or a pool reference only (an int is 4).
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void stepsOverIntegersAsVarintsOnlyWhenTheyAreCompressed(boolean compressed) throws Exception {
        Path file = REPO.resolve("recordings/fixtures/sim-small.jfr");
        Metadata md;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ChunkHeader h = ChunkHeader.split(file, ch, 0).chunks().get(0);
            md = Metadata.read(new ChunkInput(ch, h.end(), h.compressedIntegers()), h.offset() + h.metadataOffset(),
                    h.end());
        }
        FieldProgramCompiler.Compiled c = FieldProgramCompiler.compile(md, EventKinds.overridden(ChunkStats.class),
                EventKinds.ignored(ChunkStats.class), compressed);
        List<String> varintSkips = new ArrayList<>();
        int programs = 0;
        for (int id : c.denseIds()) {
            EventLayout l = c.dense()[id];
            if (l.program == null) {
                continue;
            }
            programs++;
            for (int i = 0; i < l.program.codes.length; i++) {
                Metadata.Field f = l.program.fields[i];
                boolean eightBytes = f.constantPool || f.type.prim == Metadata.P_LONG;
                if (l.program.codes[i] == FieldProgram.OP_SKIP_VARINT && (compressed || !eightBytes)) {
                    varintSkips.add(l.name + "#" + f.name);
                }
            }
        }
        assertTrue(programs > 10, "report's handler decodes the puredots types and some JDK ones: " + programs);
        if (compressed) {
            assertTrue(varintSkips.contains("puredots.JobSchedule#dependencyCount"), "an ignored int is a varint: "
                    + varintSkips);
        } else {
            assertEquals(List.of(), varintSkips);
        }
    }
}
