package io.puredots.export;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the HTTP sink authenticates with: an InfluxDB 2.x token ({@code Authorization: Token ...};
 * InfluxDB 1.8 also takes {@code Token user:password}) and/or an InfluxDB 1.x username and password
 * ({@code Authorization: Basic ...}, the scheme 1.6 and 1.7 accept with {@code auth-enabled = true}).
 * They come from the environment or from a file, never from the command line or the URL, where
 * they would show in process lists and shell history.
 *
 * <pre>
 * --credentials-file FILE   "user:password" on one line, or the username and the password on two lines
 * --token-file FILE         the token on the first line
 * INFLUX_USERNAME + INFLUX_PASSWORD, INFLUX_TOKEN   used when no file is given
 * </pre>
 * A credentials file that other users can read is refused, as ssh refuses such a key. Neither
 * the password nor the token appears in {@link #toString()} or in any message of this class;
 * {@link #redact} removes them from other text.
 *
 * <p>Immutable; safe from any thread.
 */
public final class InfluxCredentials {
    /** Environment variable read for the token when no file is given. */
    public static final String TOKEN_ENV = "INFLUX_TOKEN";
    /** Environment variable read for the InfluxDB 1.x username when no file is given. */
    public static final String USERNAME_ENV = "INFLUX_USERNAME";
    /** Environment variable read for the InfluxDB 1.x password when no file is given. */
    public static final String PASSWORD_ENV = "INFLUX_PASSWORD";

    /** No credentials: nothing is sent. */
    public static final InfluxCredentials NONE = new InfluxCredentials(null, null, null);

    private final String token;
    private final String username;
    private final String password;

    private InfluxCredentials(String token, String username, String password) {
        this.token = token;
        this.username = username;
        this.password = password;
    }

    /** A token; null or empty for none. */
    public static InfluxCredentials token(String token) {
        return token == null || token.isEmpty() ? NONE : new InfluxCredentials(token, null, null);
    }

    /** A username and password for basic auth; both non-empty, the username without ':'. */
    public static InfluxCredentials basic(String username, String password) {
        if (username == null || username.isEmpty() || password == null || password.isEmpty()) {
            throw new ExportException("basic auth needs a username and a password");
        }
        if (username.indexOf(':') >= 0) {
            throw new ExportException("a username containing ':' cannot be sent by basic auth");
        }
        return new InfluxCredentials(null, username, password);
    }

    /**
     * The credentials to use: from {@code credentialsFile} if given, else from {@code tokenFile},
     * else from the environment ({@value #USERNAME_ENV} with {@value #PASSWORD_ENV}, and
     * {@value #TOKEN_ENV}; both kinds may be set, the target picks). Either file may be null.
     *
     * @throws ExportException both files given, a file unreadable, malformed or readable by
     *         others, or only one of username and password set
     */
    public static InfluxCredentials resolve(Path credentialsFile, Path tokenFile, Map<String, String> env) {
        if (credentialsFile != null && tokenFile != null) {
            throw new ExportException("give --credentials-file or --token-file, not both");
        }
        if (credentialsFile != null) {
            return readCredentialsFile(credentialsFile);
        }
        if (tokenFile != null) {
            return token(InfluxTarget.readToken(tokenFile, null));
        }
        return fromEnvironment(env);
    }

    /** {@value #USERNAME_ENV} with {@value #PASSWORD_ENV}, and {@value #TOKEN_ENV}; blank counts as unset. */
    public static InfluxCredentials fromEnvironment(Map<String, String> env) {
        String user = nonBlank(env.get(USERNAME_ENV));
        String pass = nonBlank(env.get(PASSWORD_ENV));
        String tok = nonBlank(env.get(TOKEN_ENV));
        if ((user == null) != (pass == null)) {
            throw new ExportException(user == null
                    ? PASSWORD_ENV + " is set but " + USERNAME_ENV + " is not; basic auth needs both"
                    : USERNAME_ENV + " is set but " + PASSWORD_ENV + " is not; basic auth needs both");
        }
        InfluxCredentials basic = user == null ? NONE : basic(user.strip(), pass);
        return new InfluxCredentials(tok == null ? null : tok.strip(), basic.username, basic.password);
    }

    /**
     * A credentials file: {@code user:password} on one line, or the username on the first line
     * and the password on the second; surrounding blanks and empty lines are ignored.
     */
    static InfluxCredentials readCredentialsFile(Path file) {
        refuseReadableByOthers(file);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ExportException("cannot read credentials file '" + file + "': no such file");
        } catch (AccessDeniedException e) {
            throw new ExportException("cannot read credentials file '" + file + "': permission denied");
        } catch (CharacterCodingException e) {
            throw new ExportException("cannot read credentials file '" + file + "': not UTF-8 text");
        } catch (IOException e) {
            throw new ExportException("cannot read credentials file '" + file + "': " + e.getClass().getSimpleName());
        }
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\r?\n|\r")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        String malformed = "credentials file '" + file + "' must hold 'user:password' on one line, "
                + "or the username and the password on two lines";
        if (lines.size() == 1) {
            int colon = lines.get(0).indexOf(':');
            if (colon <= 0 || colon == lines.get(0).length() - 1) {
                throw new ExportException(malformed);
            }
            return basic(lines.get(0).substring(0, colon), lines.get(0).substring(colon + 1));
        }
        if (lines.size() == 2) {
            return basic(lines.get(0), lines.get(1));
        }
        throw new ExportException(malformed);
    }

    private static void refuseReadableByOthers(Path file) {
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            return; // not a POSIX file system: nothing to check
        } catch (NoSuchFileException e) {
            throw new ExportException("cannot read credentials file '" + file + "': no such file");
        } catch (IOException e) {
            throw new ExportException("cannot read credentials file '" + file + "': " + e.getClass().getSimpleName());
        }
        if (perms.contains(PosixFilePermission.OTHERS_READ)) {
            throw new ExportException("credentials file '" + file + "' can be read by other users ("
                    + PosixFilePermissions.toString(perms) + "); make it private first: chmod 600 '" + file + "'");
        }
    }

    private static String nonBlank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** How a target authenticates. */
    enum Scheme {
        NONE(""), TOKEN("token"), BASIC("username and password");

        /** The scheme in words, without any secret, for messages. */
        final String words;

        Scheme(String words) {
            this.words = words;
        }
    }

    /**
     * The scheme for a target: InfluxDB 1.x ({@code v2 == false}) gets basic auth when a username
     * and password are set, else the token; 2.x the token when set, else basic auth.
     */
    Scheme scheme(boolean v2) {
        if (password != null && (!v2 || token == null)) {
            return Scheme.BASIC;
        }
        return token == null ? Scheme.NONE : Scheme.TOKEN;
    }

    /** The Authorization header value for {@link #scheme(boolean)}, or null for none. Never log it. */
    String authorization(boolean v2) {
        switch (scheme(v2)) {
            case BASIC:
                return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
            case TOKEN:
                return "Token " + token;
            default:
                return null;
        }
    }

    /** Replaces the password, the token and the encoded basic credentials in {@code text} by {@code ***}. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String s = text;
        if (password != null) {
            s = s.replace(authorization(false).substring("Basic ".length()), "***").replace(password, "***");
        }
        if (token != null) {
            s = s.replace(token, "***");
        }
        return s;
    }

    @Override
    public String toString() {
        return "InfluxCredentials[" + (token == null ? "" : "token") + (token != null && password != null ? ", " : "")
                + (password == null ? "" : "username and password") + "]";
    }
}
