package io.puredots.analyzer.output.html;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * The page's Content-Security-Policy: nothing may load ({@code default-src 'none'}); only the
 * inlined scripts and style sheets run, each allowed by the SHA-256 of its exact text, so markup
 * that slipped through escaping could not run a script or add a style. Stateless; thread-safe.
 */
public final class ContentPolicy {
    private ContentPolicy() {
    }

    /** The policy for these inline scripts and styles (their exact element text). */
    public static String of(List<String> scripts, List<String> styles) {
        StringBuilder b = new StringBuilder("default-src 'none'; script-src");
        for (String s : scripts) {
            b.append(" '").append(hash(s)).append('\'');
        }
        b.append("; style-src");
        for (String s : styles) {
            b.append(" '").append(hash(s)).append('\'');
        }
        return b.append("; base-uri 'none'; form-action 'none'").toString();
    }

    /** {@code sha256-<base64>} of the UTF-8 text, as CSP source expressions name a hash. */
    static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
