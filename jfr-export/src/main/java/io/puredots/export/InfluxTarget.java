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
 * <p>Credentials ({@link InfluxCredentials}: a token, or a 1.x username and password sent as basic
 * auth) are held privately and never appear in {@link #toString()} or any message; they come from
 * the environment or a file, never from the command line or the URL (a URL with user info or
 * {@code u}/{@code p} query parameters is refused).
 *
 * <p>Immutable; safe from any thread.
 */
public final class InfluxTarget {
    /** Environment variable read for the token when no token file is given. */
    public static final String TOKEN_ENV = InfluxCredentials.TOKEN_ENV;

    private final URI base;
    private final String db;
    private final String org;
    private final String bucket;
    private final InfluxCredentials credentials;

    private InfluxTarget(URI base, String db, String org, String bucket, InfluxCredentials credentials) {
        refuseCredentialsIn(base);
        HttpUrl.check(base);
        this.base = base;
        this.db = db;
        this.org = org;
        this.bucket = bucket;
        this.credentials = credentials;
    }

    /**
     * Refuses a URL that carries credentials (user info, or InfluxDB 1.x's {@code u}, {@code p}
     * query parameters): they would show in process lists, shell history and messages.
     */
    static void refuseCredentialsIn(URI uri) {
        boolean inQuery = false;
        if (uri.getRawQuery() != null) {
            for (String kv : uri.getRawQuery().split("&")) {
                String key = kv.indexOf('=') >= 0 ? kv.substring(0, kv.indexOf('=')) : kv;
                inQuery |= key.equals("u") || key.equals("p") || key.equals("token");
            }
        }
        if (uri.getRawUserInfo() != null || inQuery) {
            throw new ExportException("the URL must not carry credentials; give them in the environment ("
                    + InfluxCredentials.USERNAME_ENV + " and " + InfluxCredentials.PASSWORD_ENV + ", or " + TOKEN_ENV
                    + ") or in a file (--credentials-file, --token-file)");
        }
    }

    /**
     * InfluxDB 1.x: {@code POST /write?db=NAME&precision=ns}; token optional ({@code Authorization:
     * Token ...}); for a username and password use {@link #withCredentials}.
     */
    public static InfluxTarget v1(URI base, String db, String token) {
        if (db == null || db.isEmpty()) {
            throw new ExportException("InfluxDB 1.x needs --db NAME");
        }
        return new InfluxTarget(base, db, null, null, InfluxCredentials.token(token));
    }

    /** InfluxDB 2.x: {@code POST /api/v2/write?org=..&bucket=..&precision=ns} with {@code Authorization: Token ...}. */
    public static InfluxTarget v2(URI base, String org, String bucket, String token) {
        if (org == null || org.isEmpty() || bucket == null || bucket.isEmpty()) {
            throw new ExportException("InfluxDB 2.x needs --org and --bucket");
        }
        return new InfluxTarget(base, null, org, bucket, InfluxCredentials.token(token));
    }

    /** The same target authenticating with {@code credentials} instead (null for none). */
    public InfluxTarget withCredentials(InfluxCredentials credentials) {
        return new InfluxTarget(base, db, org, bucket, credentials == null ? InfluxCredentials.NONE : credentials);
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

    /**
     * The Authorization header value, or null: basic auth for a 1.x username and password, else
     * {@code Token ...} (see {@link InfluxCredentials#authorization}). Never log it.
     */
    String authorization() {
        return credentials.authorization(isV2());
    }

    /** Replaces the password and the token, wherever they occur in {@code text}, by {@code ***}. */
    public String redact(String text) {
        return credentials.redact(text);
    }

    /**
     * What to check when the server refuses the credentials (401, 403): where the ones sent came
     * from, or how to give some when none were sent.
     */
    String credentialsHint() {
        switch (credentials.scheme(isV2())) {
            case TOKEN:
                return "check the token in " + TOKEN_ENV + " or --token-file";
            case BASIC:
                return "check the username and password in " + InfluxCredentials.USERNAME_ENV + " and "
                        + InfluxCredentials.PASSWORD_ENV + " or --credentials-file";
            default:
                return "none were sent; give a username and password (" + InfluxCredentials.USERNAME_ENV + " and "
                        + InfluxCredentials.PASSWORD_ENV + ", or --credentials-file) or a token (" + TOKEN_ENV
                        + " or --token-file)";
        }
    }

    /** What to call the destination in messages, for example "database 'game'". */
    String destination() {
        return isV2() ? "bucket '" + bucket + "' of org '" + org + "'" : "database '" + db + "'";
    }

    @Override
    public String toString() {
        return (isV2() ? "InfluxDB 2.x " : "InfluxDB 1.x ") + base + " " + destination()
                + (credentials.scheme(isV2()) == InfluxCredentials.Scheme.NONE ? ""
                        : " (with " + credentials.scheme(isV2()).words + ")");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
