package io.puredots.analyzer.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AtomicFileWriterTest {
    private static final String ONLY_REGULAR = " (--force replaces only a regular file)";

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

    @Test
    void forceReplacesOnlyARegularFileNotALinkOrADirectory() throws Exception {
        Path precious = Files.writeString(dir.resolve("precious.txt"), "user data");
        Path full = Files.createDirectory(dir.resolve("full"));
        Files.writeString(full.resolve("inside.txt"), "inside");
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Map<Path, String> refused = new LinkedHashMap<>();
        refused.put(Files.createSymbolicLink(dir.resolve("link-to-file"), precious), "it is a symbolic link" + ONLY_REGULAR);
        refused.put(Files.createSymbolicLink(dir.resolve("link-to-dir"), full), "it is a symbolic link" + ONLY_REGULAR);
        refused.put(Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("nothing")),
                "it is a symbolic link" + ONLY_REGULAR);
        refused.put(empty, "it is a directory");
        refused.put(full, "it is a directory");
        long before = entries();
        for (Map.Entry<Path, String> t : refused.entrySet()) {
            for (boolean force : new boolean[] {true, false}) {
                Cli.UserException e = assertThrows(Cli.UserException.class,
                        () -> AtomicFileWriter.write(t.getKey(), force, "new"), t.getKey().toString());
                assertEquals("cannot write '" + t.getKey() + "': " + t.getValue(), e.getMessage());
            }
        }
        assertTrue(Files.isSymbolicLink(dir.resolve("link-to-file")));
        assertTrue(Files.isSymbolicLink(dir.resolve("link-to-dir")));
        assertTrue(Files.isSymbolicLink(dir.resolve("dangling")));
        assertEquals("user data", Files.readString(precious));
        assertEquals("inside", Files.readString(full.resolve("inside.txt")));
        assertTrue(Files.isDirectory(empty, LinkOption.NOFOLLOW_LINKS));
        assertEquals(before, entries(), "no temporary file left");
    }

    @Test
    void forceRefusesAFifoAndADeviceNamingWhatTheyAre() throws Exception {
        Path fifo = dir.resolve("fifo");
        Path device = dir.resolve("null-copy");
        assumeTrue(run("mkfifo", fifo.toString()) == 0, "mkfifo");
        assertEquals("cannot write '" + fifo + "': it is a FIFO" + ONLY_REGULAR,
                assertThrows(Cli.UserException.class, () -> AtomicFileWriter.write(fifo, true, "new")).getMessage());
        assertTrue(isOther(fifo), "still a FIFO");
        // a copy of /dev/null (character device 1,3); mknod needs CAP_MKNOD
        assumeTrue(run("mknod", device.toString(), "c", "1", "3") == 0, "mknod");
        assertEquals("cannot write '" + device + "': it is a character device" + ONLY_REGULAR,
                assertThrows(Cli.UserException.class, () -> AtomicFileWriter.write(device, true, "new")).getMessage());
        assertTrue(isOther(device), "still a device");
    }

    @Test
    void aFileSystemThatRefusesEvenRootSaysWhy() {
        // sysfs lets nobody create files, root included; where it is mounted read-only, that is the reason
        Path sys = Path.of("/sys");
        assumeTrue(Files.isDirectory(sys), "needs /sys");
        Path target = sys.resolve("jfr-analyzer-test-" + UUID.randomUUID() + ".txt");
        String message = assertThrows(Cli.UserException.class, () -> AtomicFileWriter.write(target, false, "x"))
                .getMessage();
        assertTrue(message.equals("permission denied writing '" + target + "'")
                || message.equals("'" + target + "' is on a read-only file system"), message);
    }

    @Test
    void aDirectoryWithoutWritePermissionSaysPermissionDenied() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // root writes into any directory: this case runs only for other users
            assumeFalse(Files.isWritable(locked), "running as root");
            Path target = locked.resolve("r.txt");
            assertEquals("permission denied writing '" + target + "'", assertThrows(Cli.UserException.class,
                    () -> AtomicFileWriter.write(target, false, "x")).getMessage());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static boolean isOther(Path p) throws IOException {
        return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther();
    }

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    private long entries() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }
}
