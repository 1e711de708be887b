package io.puredots.analyzer.output.html;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ContentPolicyTest {

    @Test
    void allowsScriptsAndStylesByHashOnly() {
        // hashes from: printf '%s' 'alert(1)' | openssl dgst -sha256 -binary | base64
        assertEquals("default-src 'none'; script-src 'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
                        + "; style-src 'sha256-gG2yISYereRMiG2lMXrbiUgi0Ubw9p7QCeWcroOvy9Y='; base-uri 'none';"
                        + " form-action 'none'",
                ContentPolicy.of(List.of("alert(1)"), List.of("p{}")));
    }
}
