package io.puredots.analyzer.read;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The metadata cache: one parse per distinct metadata event, and never a wrong hit. */
class MetadataCacheTest {
    @TempDir
    static Path dir;
    static Path aba;

    @BeforeAll
    static void record() throws Exception {
        Path a = TestRecordings.record(dir.resolve("a.jfr"), 50);
        Path b = TestRecordings.record(dir.resolve("b.jfr"), 20);
        aba = TestRecordings.concat(dir.resolve("aba.jfr"), a, b, a);
    }

    private static List<MetadataCache.Entry> readAll(MetadataCache cache, Path file) throws Exception {
        List<MetadataCache.Entry> out = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            for (ChunkHeader h : ChunkHeader.split(file, ch, 0).chunks()) {
                ChunkInput in = new ChunkInput(ch, h.end(), h.compressedIntegers());
                out.add(cache.read(in, h.offset() + h.metadataOffset(), h.end()));
            }
        }
        return out;
    }

    @Test
    void equalMetadataIsParsedOnceAndSharedDifferentMetadataIsNot() throws Exception {
        MetadataCache cache = new MetadataCache();
        List<MetadataCache.Entry> e = readAll(cache, aba);
        assertEquals(3, e.size());
        // chunks 1 and 3 are the same bytes: one parse, one instance
        assertSame(e.get(0), e.get(2));
        assertSame(e.get(0).metadata, e.get(2).metadata);
        // chunk 2 came from another recording: equal metadata bytes share, different ones do not
        Metadata fresh;
        try (FileChannel ch = FileChannel.open(aba, StandardOpenOption.READ)) {
            ChunkHeader h = ChunkHeader.split(aba, ch, 0).chunks().get(1);
            fresh = Metadata.read(new ChunkInput(ch, h.end(), h.compressedIntegers()), h.offset() + h.metadataOffset(),
                    h.end());
        }
        if (e.get(1) == e.get(0)) {
            assertEquals(1, cache.parses());
        } else {
            assertEquals(2, cache.parses());
            assertNotSame(e.get(0).metadata, e.get(1).metadata);
        }
        // whatever was shared, every chunk's types are those its own metadata event declares
        assertEquals(fresh.types.size(), e.get(1).metadata.types.size());
        for (Metadata.Type t : fresh.types.values()) {
            Metadata.Type c = e.get(1).metadata.type(t.id);
            assertNotNull(c, t.name);
            assertEquals(t.name, c.name);
            assertEquals(t.fields.size(), c.fields.size(), t.name);
        }
        // a second pass over the same file parses nothing new
        long parses = cache.parses();
        readAll(cache, aba);
        assertEquals(parses, cache.parses());
    }

    @Test
    void derivedValuesAreComputedOncePerKey() throws Exception {
        MetadataCache cache = new MetadataCache();
        MetadataCache.Entry e = readAll(cache, aba).get(0);
        int[] computed = {0};
        Object x = e.derived("k", k -> ++computed[0]);
        Object y = e.derived("k", k -> ++computed[0]);
        Object z = e.derived("other", k -> ++computed[0]);
        assertEquals(1, x);
        assertEquals(1, y);
        assertEquals(2, z);
    }
}
