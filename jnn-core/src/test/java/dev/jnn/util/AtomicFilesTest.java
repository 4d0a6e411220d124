package dev.jnn.util;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Outputs replace regular files only: a link to a device is written through (and stays a link, the device a
 * device), a link to a regular file replaces that file, new files follow the umask and replaced ones keep their
 * permissions.
 */
class AtomicFilesTest {
    @Test
    void aDeviceIsWrittenThroughNeverReplaced(@TempDir Path dir) throws Exception {
        Path link = dir.resolve("sink");
        Files.createSymbolicLink(link, Path.of("/dev/null"));
        AtomicFiles.write(link, "report".getBytes());
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertTrue(!Files.isRegularFile(Path.of("/dev/null")), "/dev/null is still a device");
    }

    @Test
    void aLinkToARegularFileReplacesTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("real.json");
        Files.writeString(file, "old");
        Path link = dir.resolve("link.json");
        Files.createSymbolicLink(link, file);
        AtomicFiles.write(link, "new".getBytes());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(file));
    }

    @Test
    void newFilesFollowTheUmaskAndReplacedOnesKeepTheirMode(@TempDir Path dir) throws Exception {
        Path probe = Files.createFile(dir.resolve("probe"));              // what the umask gives a new file
        Path fresh = dir.resolve("fresh.json");
        AtomicFiles.write(fresh, new byte[] {1, 2});
        assertEquals(Files.getPosixFilePermissions(probe), Files.getPosixFilePermissions(fresh));
        Path kept = dir.resolve("kept.json");
        Files.writeString(kept, "x");
        Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rw-r-----"));
        AtomicFiles.write(kept, new byte[] {3});
        assertEquals(PosixFilePermissions.fromString("rw-r-----"), Files.getPosixFilePermissions(kept));
        assertArrayEquals(new byte[] {3}, Files.readAllBytes(kept));
        try (var left = Files.list(dir)) {
            assertEquals(0, left.filter(p -> p.getFileName().toString().endsWith(".tmp")).count(), "no temporaries");
        }
    }

    @Test
    void longNamesWorkErrorsNameTheTargetAndStaleTemporariesGo(@TempDir Path dir) throws Exception {
        Path legal = dir.resolve("r".repeat(250) + ".json");   // 255 bytes: the longest legal name
        AtomicFiles.write(legal, new byte[] {7});
        assertArrayEquals(new byte[] {7}, Files.readAllBytes(legal));
        Path tooLong = dir.resolve("r".repeat(300) + ".json");
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> AtomicFiles.write(tooLong, new byte[] {1}));
        assertEquals(tooLong + ": File name too long", e.getMessage());

        Path stale = Files.createFile(dir.resolve(".report.json.abc123" + AtomicFiles.SUFFIX));
        Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()
                - 25L * 3600 * 1000));
        Path recent = Files.createFile(dir.resolve(".other.json.def456" + AtomicFiles.SUFFIX));
        Path notOurs = Files.createFile(dir.resolve(".keep.tmp"));
        Files.setLastModifiedTime(notOurs, Files.getLastModifiedTime(stale));
        AtomicFiles.write(dir.resolve("report.json"), new byte[] {2});
        assertEquals(false, Files.exists(stale), "a killed run's temporary, a day old, is removed");
        assertEquals(true, Files.exists(recent), "a running write's temporary is left alone");
        assertEquals(true, Files.exists(notOurs), "only jnn's temporaries are touched");
    }
}
