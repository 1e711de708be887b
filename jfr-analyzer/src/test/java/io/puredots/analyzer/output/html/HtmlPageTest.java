package io.puredots.analyzer.output.html;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlPageTest {

    private static String render(HtmlPage p) throws IOException {
        StringWriter w = new StringWriter();
        p.render(w);
        return w.toString();
    }

    @Test
    void inlinesUplotAndEveryScriptAndStyleTheSecurityPolicyAllows() throws IOException {
        HtmlPage p = new HtmlPage("t");
        p.section("s").chart("c", "chart", JsonScript.object());
        String html = render(p);
        assertTrue(html.contains("var uPlot="), "uPlot inlined");
        Matcher csp = Pattern.compile("http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\"").matcher(html);
        assertTrue(csp.find());
        String policy = csp.group(1).replace("&#39;", "'");
        assertTrue(policy.startsWith("default-src 'none'; "), policy);
        Matcher inline = Pattern.compile("<(script|style)>(.*?)</\\1>", Pattern.DOTALL).matcher(html);
        int n = 0;
        while (inline.find()) {
            assertTrue(policy.contains("'" + ContentPolicy.hash(inline.group(2)) + "'"), "hash of inline " + n);
            n++;
        }
        assertEquals(5, n, "three scripts and two style sheets");
        assertTrue(html.contains("<script type=\"application/json\" id=\"data-c\">{}</script>"));
    }

    @Test
    void escapesEveryTextAndLinksRows() throws IOException {
        HtmlPage p = new HtmlPage("<t>");
        HtmlPage.Section s = p.section("<h>").kv("<k>", "<v>").note("<n>");
        s.table("<a>", "b").row("<c>").focus("frame-time", 10, 20).pick("jobs", "\"7\"");
        String html = render(p);
        assertTrue(html.contains("<title>&lt;t&gt;</title>"));
        assertTrue(html.contains("<h2>&lt;h&gt;</h2>"));
        assertTrue(html.contains("<dt>&lt;k&gt;</dt><dd>&lt;v&gt;</dd>"));
        assertTrue(html.contains("<p class=\"note\">&lt;n&gt;</p>"));
        assertTrue(html.contains("<th>&lt;a&gt;</th><th>b</th>"));
        assertTrue(html.contains("<tr class=\"linked\" tabindex=\"0\" data-focus-chart=\"frame-time\" data-focus-min=\"10.0\""
                + " data-focus-max=\"20.0\" data-pick-chart=\"jobs\" data-pick-key=\"&quot;7&quot;\"><td>&lt;c&gt;</td><td></td></tr>"),
                html);
    }

    @Test
    void colouredRowsCarryTheirToneAndExtraScriptsAreAllowedByHash() throws IOException {
        HtmlPage p = new HtmlPage("t").script(HtmlAssets.PAGE_JS);
        HtmlPage.Table t = p.section("s").table("a");
        t.row("x").tone(HtmlPage.Tone.BAD);
        t.row("y").tone(HtmlPage.Tone.OK).focus("c", 1, 2);
        t.row("z");
        String html = render(p);
        assertTrue(html.contains("<tr class=\"tone-bad\"><td>x</td></tr>"), html);
        assertTrue(html.contains("<tr class=\"linked tone-ok\" tabindex=\"0\" data-focus-chart=\"c\""));
        assertTrue(html.contains("<tr><td>z</td></tr>"));
        assertEquals(2, html.split(Pattern.quote(ContentPolicy.hash(HtmlAssets.read(HtmlAssets.PAGE_JS))), -1).length - 1,
                "page.js twice: its hash once in the policy per copy");
    }

    @Test
    void refusesABadOrRepeatedChartId() {
        HtmlPage p = new HtmlPage("t");
        HtmlPage.Section s = p.section("s");
        assertThrows(IllegalArgumentException.class, () -> s.chart("a\"b", "x", JsonScript.object()));
        s.chart("a", "x", JsonScript.object());
        assertThrows(IllegalArgumentException.class, () -> s.chart("a", "x", JsonScript.object()));
    }
}
