package io.puredots.analyzer.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AtomicFileWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesANewFileAndLeavesNoTemporaryFile() throws Exception {
        Path out = dir.resolve("r.txt");
        AtomicFileWriter.write(out, false, "héllo\n");
        assertEquals("héllo\n", Files.readString(out, StandardCharsets.UTF_8));
        assertEquals(1, entries());
    }

    @Test
    void theFileHasThePermissionsOfAnyNewFile() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        Path out = dir.resolve("r.txt");
        AtomicFileWriter.write(out, false, "x");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(out));
    }

    @Test
    void keepsAnExistingFileUnlessForced() throws Exception {
        Path out = dir.resolve("r.txt");
        Files.writeString(out, "user data");
        Cli.UserException e = assertThrows(Cli.UserException.class, () -> AtomicFileWriter.write(out, false, "new"));
        assertEquals("'" + out + "' exists; use --force to overwrite it", e.getMessage());
        assertEquals("user data", Files.readString(out));
        AtomicFileWriter.write(out, true, "new");
        assertEquals("new", Files.readString(out));
        assertEquals(1, entries());
    }

    @Test
    void refusesADirectoryAndAMissingDirectory() {
        assertEquals("cannot write '" + dir + "': it is a directory", assertThrows(Cli.UserException.class,
                () -> AtomicFileWriter.checkTarget(dir, true)).getMessage());
        Path missing = dir.resolve("no-such-dir").resolve("r.txt");
        assertEquals("cannot write '" + missing + "': no such directory", assertThrows(Cli.UserException.class,
                () -> AtomicFileWriter.write(missing, false, "x")).getMessage());
    }

    @Test
    void aFailingWriteLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        Path out = dir.resolve("r.txt");
        Files.writeString(out, "old");
        IOException boom = new IOException("disk full");
        IOException thrown = assertThrows(IOException.class, () -> AtomicFileWriter.write(out, true, o -> {
            o.write("half".getBytes(StandardCharsets.UTF_8));
            throw boom;
        }));
        assertSame(boom, thrown);
        assertEquals("old", Files.readString(out));
        assertEquals(1, entries());
    }

    @Test
    void returnsWhatTheContentReturns() throws Exception {
        Path out = dir.resolve("n.bin");
        int n = AtomicFileWriter.write(out, false, o -> {
            o.write(new byte[] {1, 2, 3});
            return 3;
        });
        assertEquals(3, n);
        assertEquals(3, Files.size(out));
    }

    private long entries() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }
}
