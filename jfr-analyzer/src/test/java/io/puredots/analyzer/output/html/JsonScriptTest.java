package io.puredots.analyzer.output.html;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class JsonScriptTest {

    @Test
    void escapesWhatCouldEndTheScriptElementAndStaysTheSameJson() throws Exception {
        ObjectNode o = JsonScript.object();
        String name = "</script><script>alert(1)</script> & <!-- \u2028\u2029 \"q\"";
        o.put("name", name);
        String embedded = JsonScript.embed(o);
        for (String bad : new String[] {"<", ">", "&", "\u2028", "\u2029"}) {
            assertFalse(embedded.contains(bad), bad + " in " + embedded);
        }
        assertEquals(name, new ObjectMapper().readTree(embedded).get("name").asText());
    }

    @Test
    void roundsToDigits() {
        assertEquals(16.667, JsonScript.round(16.666666, 3));
        assertEquals(Double.NaN, JsonScript.round(Double.NaN, 3));
    }
}
