package io.puredots.analyzer.output.html;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class HtmlEscapeTest {

    @Test
    void escapesMarkupAndBothQuotes() {
        assertEquals("&lt;/script&gt;&lt;script&gt;a(&quot;x&quot;, &#39;y&#39;) &amp;&amp; b&lt;/style&gt;",
                HtmlEscape.text("</script><script>a(\"x\", 'y') && b</style>"));
    }

    @Test
    void keepsOtherTextAsItIs() {
        String s = "SpatialSystemGroup \u2028 ü 漢";
        assertSame(s, HtmlEscape.text(s));
    }
}
