package io.puredots.export;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Bad endpoint URLs are one line naming the problem, from Endpoint.parse and InfluxTarget alike. */
class EndpointTest {
    private static String refused(String spec) {
        return assertThrows(ExportException.class, () -> Endpoint.parse(spec, null)).getMessage();
    }

    @Test
    void portOutOfRangeIsRefused() {
        assertEquals("'http://127.0.0.1:99999?db=x': port 99999 is out of range (1 to 65535)",
                refused("http://127.0.0.1:99999?db=x"));
        assertEquals("'http://127.0.0.1:0?db=x': port 0 is out of range (1 to 65535)", refused("http://127.0.0.1:0?db=x"));
    }

    @Test
    void portBeyondAnIntegerIsRefusedAsOutOfRange() {
        assertEquals("'http://127.0.0.1:99999999999?db=x': port 99999999999 is out of range (1 to 65535)",
                refused("http://127.0.0.1:99999999999?db=x"));
    }

    @Test
    void spaceInTheAuthorityIsRefused() {
        assertEquals("'http://127.0.0.1:80 86?db=x' is not a valid URL: a space at index 19",
                refused("http://127.0.0.1:80 86?db=x"));
    }

    @Test
    void unclosedIpv6BracketIsRefused() {
        assertEquals("'http://[::1?db=x' is not a valid URL: expected closing bracket for IPv6 address at index 11",
                refused("http://[::1?db=x"));
    }

    @Test
    void unknownSchemeIsRefused() {
        assertEquals("'ftp://127.0.0.1:8086?db=x': unknown scheme 'ftp' (expected http or https)",
                refused("ftp://127.0.0.1:8086?db=x"));
    }

    @Test
    void credentialsInABadUrlAreNotEchoed() {
        String m = refused("http://user:s3cret@127.0.0.1:80 86?db=x");
        assertFalse(m.contains("s3cret"), m);
        assertEquals("'http://***@127.0.0.1:80 86?db=x' is not a valid URL: a space at index 31", m);
    }

    @Test
    void influxTargetChecksTheSameWay() {
        ExportException e = assertThrows(ExportException.class,
                () -> InfluxTarget.v1(URI.create("http://127.0.0.1:99999"), "db", null));
        assertEquals("'http://127.0.0.1:99999': port 99999 is out of range (1 to 65535)", e.getMessage());
        e = assertThrows(ExportException.class, () -> InfluxTarget.v1(URI.create("gopher://127.0.0.1:70"), "db", null));
        assertEquals("'gopher://127.0.0.1:70': unknown scheme 'gopher' (expected http or https)", e.getMessage());
        e = assertThrows(ExportException.class, () -> InfluxTarget.v1(URI.create("http:///path"), "db", null));
        assertEquals("'http:///path' has no valid host", e.getMessage());
    }

    @Test
    void goodUrlsStillParse() {
        assertEquals("InfluxDB 1.x http://127.0.0.1:8086 database 'game'", Endpoint.parse("http://127.0.0.1:8086?db=game", null).toString());
        assertEquals("InfluxDB 1.x http://[::1]:8086 database 'game'", Endpoint.parse("http://[::1]:8086?db=game", null).toString());
        assertEquals("InfluxDB 1.x https://influx.example.com database 'game'",
                Endpoint.parse("https://influx.example.com?db=game", null).toString());
    }
}
