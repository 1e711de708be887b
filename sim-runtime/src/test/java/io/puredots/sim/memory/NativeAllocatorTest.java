package io.puredots.sim.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NativeAllocatorTest {

    @Test
    void accountingEqualsTheSumOfLiveContainers() {
        NativeAllocator alloc = new NativeAllocator();
        NativeIntArray ints = new NativeIntArray(alloc, "Villager", "Column", 1000);
        NativeFloatArray floats = new NativeFloatArray(alloc, "VillagerGrid", "Grid", 500);
        NativeIntArray growing = new NativeIntArray(alloc, "Villager", "Registry", 10);
        for (int i = 0; i < 1000; i++) {
            growing.add(i);
        }
        ints.setSize(250);
        floats.setUsed(100);
        floats.ensureCapacity(2000);
        long expectedReserved = 4L * ints.capacity() + 4L * floats.capacity() + 4L * growing.capacity();
        long expectedUsed = 4L * 250 + 4L * 100 + 4L * 1000;
        assertEquals(expectedReserved, alloc.bytesReserved());
        assertEquals(expectedUsed, alloc.bytesUsed());
        assertEquals(3, alloc.liveBlocks(), "grown containers freed their old block");

        Map<String, Long> byKey = new HashMap<>();
        long sum = 0;
        for (NativeAllocator.Usage u : alloc.usage()) {
            byKey.put(u.owner() + "/" + u.kind(), u.bytesReserved());
            sum += u.bytesReserved();
        }
        assertEquals(alloc.bytesReserved(), sum);
        assertEquals(4L * ints.capacity(), byKey.get("Villager/Column"));
        assertEquals(4L * growing.capacity(), byKey.get("Villager/Registry"));
        assertEquals(4L * floats.capacity(), byKey.get("VillagerGrid/Grid"));

        ints.free();
        floats.free();
        growing.free();
        assertEquals(0, alloc.bytesReserved());
        assertEquals(0, alloc.liveBlocks());
        assertEquals(alloc.allocationCount(), alloc.freeCount());
    }

    @Test
    void totalMatchesTheJvmDirectBufferPool() {
        assertTrue(NativeAllocator.releasesImmediately(), "this JDK lets the allocator release buffers at once");
        NativeAllocator alloc = new NativeAllocator();
        long before = NativeAllocator.directPoolBytes();
        List<NativeBuffer> blocks = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            blocks.add(alloc.allocate("Owner" + (i % 3), "Column", i * 4096L + 8));
        }
        long during = NativeAllocator.directPoolBytes();
        assertEquals(alloc.bytesReserved(), during - before);
        for (int i = 0; i < blocks.size(); i += 2) {
            blocks.get(i).free();
        }
        assertEquals(alloc.bytesReserved(), NativeAllocator.directPoolBytes() - before);
        alloc.freeAll();
        assertEquals(before, NativeAllocator.directPoolBytes());
    }

    @Test
    void doubleFreeIsAnError() {
        NativeAllocator alloc = new NativeAllocator();
        NativeBuffer b = alloc.allocate("X", "Column", 64);
        b.free();
        assertThrows(IllegalStateException.class, b::free);
        assertThrows(IllegalArgumentException.class, () -> alloc.allocate("X", "Column", 0));
    }
}
