package io.puredots.export;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the HTTP sink writes: InfluxDB 1.x ({@code /write?db=NAME}) or 2.x
 * ({@code /api/v2/write?org=..&bucket=..} with {@code Authorization: Token ...}). Precision is
 * always nanoseconds.
 *
 * <p>The token is held privately and never appears in {@link #toString()} or any message; it
 * comes from an environment variable or a file ({@link #readToken}), never from the command line
 * or the URL (a URL with user info is refused).
 *
 * <p>Immutable; safe from any thread.
 */
public final class InfluxTarget {
    /** Environment variable read for the token when no token file is given. */
    public static final String TOKEN_ENV = "INFLUX_TOKEN";

    private final URI base;
    private final String db;
    private final String org;
    private final String bucket;
    private final String token;

    private InfluxTarget(URI base, String db, String org, String bucket, String token) {
        if (base.getRawUserInfo() != null) {
            throw new ExportException("--to must not carry credentials; give the token in " + TOKEN_ENV + " or --token-file");
        }
        HttpUrl.check(base);
        this.base = base;
        this.db = db;
        this.org = org;
        this.bucket = bucket;
        this.token = token == null || token.isEmpty() ? null : token;
    }

    /** InfluxDB 1.x: {@code POST /write?db=NAME&precision=ns}; token optional ({@code Authorization: Token user:password}). */
    public static InfluxTarget v1(URI base, String db, String token) {
        if (db == null || db.isEmpty()) {
            throw new ExportException("InfluxDB 1.x needs --db NAME");
        }
        return new InfluxTarget(base, db, null, null, token);
    }

    /** InfluxDB 2.x: {@code POST /api/v2/write?org=..&bucket=..&precision=ns} with {@code Authorization: Token ...}. */
    public static InfluxTarget v2(URI base, String org, String bucket, String token) {
        if (org == null || org.isEmpty() || bucket == null || bucket.isEmpty()) {
            throw new ExportException("InfluxDB 2.x needs --org and --bucket");
        }
        return new InfluxTarget(base, null, org, bucket, token);
    }

    /**
     * The token from {@code tokenFile} (first line, trimmed) if given, else from the environment
     * variable {@value #TOKEN_ENV}; null if neither is set.
     */
    public static String readToken(Path tokenFile, String envValue) {
        if (tokenFile != null) {
            try {
                String t = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
                int nl = t.indexOf('\n');
                t = nl >= 0 ? t.substring(0, nl).strip() : t;
                if (t.isEmpty()) {
                    throw new ExportException("token file '" + tokenFile + "' is empty");
                }
                return t;
            } catch (IOException e) {
                throw new ExportException("cannot read token file '" + tokenFile + "': " + e.getClass().getSimpleName());
            }
        }
        return envValue == null || envValue.isBlank() ? null : envValue.strip();
    }

    public boolean isV2() {
        return bucket != null;
    }

    /** The write endpoint. */
    public URI writeUri() {
        String path = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        String query = isV2()
                ? "/api/v2/write?org=" + enc(org) + "&bucket=" + enc(bucket) + "&precision=ns"
                : "/write?db=" + enc(db) + "&precision=ns";
        return URI.create(base.getScheme() + "://" + base.getRawAuthority() + path + query);
    }

    /** The Authorization header value, or null. Never log it. */
    String authorization() {
        return token == null ? null : "Token " + token;
    }

    /** Replaces the token, wherever it occurs in {@code text}, by {@code ***}. */
    public String redact(String text) {
        if (text == null || token == null) {
            return text;
        }
        return text.replace(token, "***");
    }

    /** What to call the destination in messages, for example "database 'game'". */
    String destination() {
        return isV2() ? "bucket '" + bucket + "' of org '" + org + "'" : "database '" + db + "'";
    }

    @Override
    public String toString() {
        return (isV2() ? "InfluxDB 2.x " : "InfluxDB 1.x ") + base + " " + destination()
                + (token == null ? "" : " (with token)");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
