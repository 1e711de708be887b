package io.puredots.analyzer.read;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link RecordingReader}'s chunk filter: chunks it refuses are neither decoded nor in the result. */
class ChunkFilterTest {
    private static final Path TWO_CHUNKS = Path.of("src/test/resources/fixtures/game-two-chunks.jfr");

    @Test
    void aRefusedChunkIsNotDecodedNorCounted() throws Exception {
        ReadResult<CallLog> all = RecordingReader.read(List.of(TWO_CHUNKS), CallLog::new, ReadOptions.defaults());
        assertEquals(2, all.chunks().size());
        List<ChunkInfo> asked = new ArrayList<>();
        List<CallLog> decoded = new ArrayList<>();
        ReadResult<CallLog> second = RecordingReader.read(List.of(TWO_CHUNKS), CallLog::new, ReadOptions.defaults(),
                c -> {
                    asked.add(c);
                    return c.index() == 1;
                }, decoded::add);
        assertEquals(all.chunks(), asked);
        assertEquals(List.of(all.chunks().get(1)), second.chunks());
        assertEquals(1, decoded.size());
        assertEquals(all.chunks().get(1), decoded.get(0).chunk);
        assertEquals(decoded.get(0).counts, second.eventCounts());
        assertEquals(all.chunks().get(1).startNanos(), second.startNanos());
    }
}
