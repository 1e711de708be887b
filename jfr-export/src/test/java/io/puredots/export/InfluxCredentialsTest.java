package io.puredots.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InfluxCredentialsTest {
    static final String PASSWORD = "s3cret-pw:with-colon";
    static final String TOKEN = "tok-abc123";
    static final URI BASE = URI.create("http://127.0.0.1:8086");

    @TempDir
    Path dir;

    private Path privateFile(String name, String content) throws Exception {
        Path f = Files.writeString(dir.resolve(name), content);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        return f;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsUserColonPasswordOrTwoLines() throws Exception {
        InfluxCredentials one = InfluxCredentials.resolve(privateFile("one", "writer:" + PASSWORD + "\n"), null, Map.of());
        assertEquals(basic("writer", PASSWORD), one.authorization(false));
        InfluxCredentials two = InfluxCredentials.resolve(privateFile("two", "\n writer \r\n" + PASSWORD + "\r\n\n"), null, Map.of());
        assertEquals(basic("writer", PASSWORD), two.authorization(false));
    }

    @Test
    void malformedFilesAreRefusedWithoutQuotingThem() throws Exception {
        for (String content : new String[] {"", "just-one-word", "user:", ":" + PASSWORD, "a\nb\nc"}) {
            Path f = privateFile("bad", content);
            ExportException e = assertThrows(ExportException.class, () -> InfluxCredentials.resolve(f, null, Map.of()));
            assertEquals("credentials file '" + f + "' must hold 'user:password' on one line, "
                    + "or the username and the password on two lines", e.getMessage(), content);
        }
        Path colonUser = privateFile("colon", "we:ird\n" + PASSWORD);
        assertEquals("a username containing ':' cannot be sent by basic auth",
                assertThrows(ExportException.class, () -> InfluxCredentials.resolve(colonUser, null, Map.of())).getMessage());
        Path missing = dir.resolve("missing");
        assertEquals("cannot read credentials file '" + missing + "': no such file",
                assertThrows(ExportException.class, () -> InfluxCredentials.resolve(missing, null, Map.of())).getMessage());
    }

    @Test
    void refusesACredentialsFileOtherUsersCanRead() throws Exception {
        Path f = privateFile("creds", "writer:" + PASSWORD);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        ExportException e = assertThrows(ExportException.class, () -> InfluxCredentials.resolve(f, null, Map.of()));
        assertEquals("credentials file '" + f + "' can be read by other users (rw-r--r--); make it private first: chmod 600 '"
                + f + "'", e.getMessage());
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        assertEquals(basic("writer", PASSWORD), InfluxCredentials.resolve(f, null, Map.of()).authorization(false),
                "group-readable is accepted");
    }

    @Test
    void filesWinOverTheEnvironmentAndOnlyOneFileIsTaken() throws Exception {
        Map<String, String> env = Map.of("INFLUX_USERNAME", "envuser", "INFLUX_PASSWORD", "envpw", "INFLUX_TOKEN", TOKEN);
        Path creds = privateFile("creds", "fileuser:" + PASSWORD);
        Path token = privateFile("token", "file-token\n");
        assertEquals(basic("fileuser", PASSWORD), InfluxCredentials.resolve(creds, null, env).authorization(false));
        assertEquals(basic("fileuser", PASSWORD), InfluxCredentials.resolve(creds, null, env).authorization(true),
                "a credentials file carries no token, so 2.x gets basic auth too");
        assertEquals("Token file-token", InfluxCredentials.resolve(null, token, env).authorization(false));
        assertEquals("give --credentials-file or --token-file, not both",
                assertThrows(ExportException.class, () -> InfluxCredentials.resolve(creds, token, env)).getMessage());
    }

    @Test
    void environmentNeedsBothUsernameAndPassword() {
        assertEquals("INFLUX_USERNAME is set but INFLUX_PASSWORD is not; basic auth needs both",
                assertThrows(ExportException.class, () -> InfluxCredentials.fromEnvironment(
                        Map.of("INFLUX_USERNAME", "u", "INFLUX_PASSWORD", " "))).getMessage());
        assertEquals("INFLUX_PASSWORD is set but INFLUX_USERNAME is not; basic auth needs both",
                assertThrows(ExportException.class, () -> InfluxCredentials.fromEnvironment(
                        Map.of("INFLUX_PASSWORD", PASSWORD))).getMessage());
        assertNull(InfluxCredentials.fromEnvironment(Map.of()).authorization(false));
        assertNull(InfluxCredentials.fromEnvironment(Map.of("INFLUX_TOKEN", "  ")).authorization(true));
    }

    @Test
    void influx1GetsBasicAuthAndInflux2TheTokenWhenBothAreSet() {
        InfluxCredentials both = InfluxCredentials.fromEnvironment(
                Map.of("INFLUX_USERNAME", "writer", "INFLUX_PASSWORD", PASSWORD, "INFLUX_TOKEN", TOKEN));
        InfluxTarget v1 = InfluxTarget.v1(BASE, "game", null).withCredentials(both);
        InfluxTarget v2 = InfluxTarget.v2(BASE, "org", "bucket", null).withCredentials(both);
        assertEquals(basic("writer", PASSWORD), v1.authorization());
        assertEquals("Token " + TOKEN, v2.authorization());
        assertEquals("InfluxDB 1.x http://127.0.0.1:8086 database 'game' (with username and password)", v1.toString());
        assertEquals("InfluxDB 2.x http://127.0.0.1:8086 bucket 'bucket' of org 'org' (with token)", v2.toString());
        assertEquals("InfluxDB 1.x http://127.0.0.1:8086 database 'game'",
                InfluxTarget.v1(BASE, "game", TOKEN).withCredentials(null).toString());
        assertEquals("InfluxCredentials[token, username and password]", both.toString());
    }

    @Test
    void redactsPasswordTokenAndTheEncodedHeader() {
        InfluxCredentials both = InfluxCredentials.fromEnvironment(
                Map.of("INFLUX_USERNAME", "writer", "INFLUX_PASSWORD", PASSWORD, "INFLUX_TOKEN", TOKEN));
        String encoded = basic("writer", PASSWORD).substring("Basic ".length());
        assertEquals("pw *** token *** header ***",
                both.redact("pw " + PASSWORD + " token " + TOKEN + " header " + encoded));
        String s = both.toString() + InfluxTarget.v1(BASE, "game", null).withCredentials(both);
        assertFalse(s.contains(PASSWORD) || s.contains(TOKEN) || s.contains(encoded), s);
    }

    @Test
    void urlsCarryingCredentialsAreRefused() {
        String expected = "the URL must not carry credentials; give them in the environment (INFLUX_USERNAME and "
                + "INFLUX_PASSWORD, or INFLUX_TOKEN) or in a file (--credentials-file, --token-file)";
        for (String url : new String[] {"http://writer:" + PASSWORD + "@127.0.0.1:8086?db=game",
                "http://127.0.0.1:8086?db=game&u=writer&p=" + PASSWORD}) {
            ExportException e = assertThrows(ExportException.class, () -> Endpoint.parse(url, null));
            assertEquals(expected, e.getMessage());
        }
        assertEquals(expected, assertThrows(ExportException.class,
                () -> InfluxTarget.v1(URI.create("http://127.0.0.1:8086?p=" + PASSWORD), "game", null)).getMessage());
    }

    @Test
    void anEndpointTakesCredentialsAndAFileEndpointIgnoresThem() {
        InfluxCredentials basic = InfluxCredentials.basic("writer", PASSWORD);
        Endpoint e = Endpoint.parse("http://127.0.0.1:8086?db=game", null).withCredentials(basic);
        assertEquals(basic("writer", PASSWORD), e.influx().authorization());
        assertEquals("InfluxDB 1.x http://127.0.0.1:8086 database 'game' (with username and password)", e.toString());
        Endpoint file = Endpoint.parse(dir.resolve("x.jsonl").toString(), null);
        assertTrue(file == file.withCredentials(basic));
    }
}
