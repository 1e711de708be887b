package io.puredots.export;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A destination given as one string, as {@code --export-to} and {@code stream --to} take it:
 * <pre>
 * http://127.0.0.1:8086?db=game                 InfluxDB 1.x, database game
 * http://127.0.0.1:8086?org=acme&bucket=game    InfluxDB 2.x; token from INFLUX_TOKEN or a token file
 * metrics.jsonl | metrics.influx | metrics.csv  a new file in that format
 * -                                             JSON Lines on standard output
 * </pre>
 * A file that exists is never overwritten. Immutable.
 */
public final class Endpoint {
    private final InfluxTarget influx;
    private final Path file;
    private final PointFormat format;

    private Endpoint(InfluxTarget influx, Path file, PointFormat format) {
        this.influx = influx;
        this.file = file;
        this.format = format;
    }

    /**
     * @param token the InfluxDB token (from {@link InfluxTarget#readToken}), or null
     */
    public static Endpoint parse(String spec, String token) {
        if (spec == null || spec.isBlank()) {
            throw new ExportException("empty endpoint");
        }
        if (spec.startsWith("http://") || spec.startsWith("https://")) {
            URI uri = URI.create(spec);
            if (uri.getPort() > 65535) {
                throw new ExportException("endpoint '" + spec + "': port " + uri.getPort() + " is out of range (1 to 65535)");
            }
            Map<String, String> q = query(uri.getRawQuery());
            URI base = URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath()));
            if (uri.getRawUserInfo() != null) {
                throw new ExportException("the endpoint must not carry credentials; give the token in "
                        + InfluxTarget.TOKEN_ENV + " or a token file");
            }
            if (q.containsKey("bucket") || q.containsKey("org")) {
                return new Endpoint(InfluxTarget.v2(base, q.get("org"), q.get("bucket"), token), null, PointFormat.INFLUX);
            }
            if (q.containsKey("db")) {
                return new Endpoint(InfluxTarget.v1(base, q.get("db"), token), null, PointFormat.INFLUX);
            }
            throw new ExportException("endpoint '" + base + "' needs ?db=NAME (InfluxDB 1.x) or ?org=..&bucket=.. (2.x)");
        }
        if (spec.equals("-")) {
            return new Endpoint(null, null, PointFormat.JSONL);
        }
        String name = spec.toLowerCase(java.util.Locale.ROOT);
        PointFormat f = name.endsWith(".jsonl") ? PointFormat.JSONL : name.endsWith(".csv") ? PointFormat.CSV
                : name.endsWith(".influx") || name.endsWith(".lp") ? PointFormat.INFLUX : null;
        if (f == null) {
            throw new ExportException("endpoint '" + spec + "': expected an http:// URL or a file ending in .jsonl, .influx or .csv");
        }
        return new Endpoint(null, Path.of(spec), f);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw != null) {
            for (String kv : raw.split("&")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    m.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return m;
    }

    /** The InfluxDB target, or null for a file or stdout. */
    public InfluxTarget influx() {
        return influx;
    }

    /** Opens the writer: an HTTP sink, a new file, or stdout. */
    public PointWriter open(InfluxHttpSink.Options options, OutputStream stdout) throws IOException {
        if (influx != null) {
            return new InfluxHttpSink(influx, options);
        }
        if (file == null) {
            return format.open(stdout, false);
        }
        if (Files.exists(file)) {
            throw new ExportException("'" + file + "' exists; not overwriting it");
        }
        return format.open(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW), true);
    }

    @Override
    public String toString() {
        return influx != null ? influx.toString() : file == null ? "standard output (jsonl)" : file + " (" + format.cliName() + ")";
    }
}
