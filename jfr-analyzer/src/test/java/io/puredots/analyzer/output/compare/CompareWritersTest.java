package io.puredots.analyzer.output.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.puredots.analyzer.compare.RegressionJudge;
import io.puredots.analyzer.compare.Sides;
import io.puredots.analyzer.model.compare.Comparison;
import io.puredots.analyzer.model.compare.Side;
import io.puredots.budgets.Budgets;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compare writers on one deterministic comparison (synthetic sides, seeded noise): a golden
 * Markdown file, JUnit XML valid against the Jenkins xUnit schema, JSON with nulls for numbers that
 * do not apply. Regenerate the golden file on purpose with {@code -Dgolden.update=true}.
 */
class CompareWritersTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/compare.md");

    static Comparison comparison() {
        Map<String, List<double[]>> base = new LinkedHashMap<>();
        Map<String, List<double[]>> cur = new LinkedHashMap<>();
        base.put("frame.time", List.of(Sides.framesAr1(1, 30_000, 8e6, 0.9, 5e5)));
        cur.put("frame.time", List.of(Sides.framesAr1(2, 30_000, 8.6e6, 0.9, 5e5)));
        base.put("group.VillagerSystemGroup.frame", List.of(Sides.ar1(3, 30, 2e6, 0.3, 1e5)));
        cur.put("group.VillagerSystemGroup.frame", List.of(Sides.ar1(4, 30, 3e6, 0.3, 1e5)));
        base.put("system.VillagerMoveSystem.frame", List.of(Sides.ar1(5, 30, 1.5e6, 0.3, 1e5)));
        cur.put("system.VillagerMoveSystem.frame", List.of(Sides.ar1(6, 30, 2.5e6, 0.3, 1e5)));
        base.put("system.Spatial|Grid.frame", List.of(Sides.ar1(7, 30, 1e6, 0.3, 1e5)));
        cur.put("system.Spatial|Grid.frame", List.of(Sides.ar1(8, 30, 0.7e6, 0.3, 1e5)));
        base.put("system.OnlyBefore.call", List.of(Sides.ar1(9, 30, 1e6, 0.3, 1e5)));
        base.put("memory.native.peak", List.of(new double[] {100e6}));
        cur.put("memory.native.peak", List.of(new double[] {101e6}));
        cur.put("system.Short.frame", List.of(new double[] {1e6, 1e6}));
        base.put("system.Short.frame", List.of(new double[] {1e6, 1e6, 1e6}));
        Side b = Sides.side(base, Map.of("frame", List.of("OK"), "group.VillagerSystemGroup", List.of("OK")));
        Side c = Sides.side(cur, Map.of("frame", List.of("OK"), "group.VillagerSystemGroup", List.of("VIOLATED")));
        return RegressionJudge.judge(b, c, Budgets.defaults());
    }

    private static String write(CompareWriter w) throws Exception {
        StringWriter out = new StringWriter();
        w.write(comparison(), out);
        return out.toString();
    }

    @Test
    void markdownMatchesTheGoldenFile() throws Exception {
        String md = write(new CompareMarkdownWriter());
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, md);
        }
        assertEquals(Files.readString(GOLDEN), md);
        assertTrue(md.startsWith("**REGRESSION: 2 metrics regressed, 1 budget newly violated; worst:"
                + " system.VillagerMoveSystem.frame p50 +"), md);
        // worst regression first
        assertTrue(md.indexOf("`system.VillagerMoveSystem.frame`") < md.indexOf("`group.VillagerSystemGroup.frame`"), md);
        assertTrue(md.contains("| `system.Spatial\\|Grid.frame` p50 | improvement |"), md);
    }

    @Test
    void junitXmlIsValidAndHasAFailurePerRegression() throws Exception {
        String xml = write(new CompareJunitWriter());
        URL xsd = CompareWritersTest.class.getResource("/junit/junit-10.xsd");
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        f.newSchema(xsd).newValidator().validate(new StreamSource(new StringReader(xml)));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        NodeList cases = doc.getElementsByTagName("testcase");
        assertEquals(comparison().metrics().size() + comparison().budgets().size(), cases.getLength());
        NodeList failures = doc.getElementsByTagName("failure");
        assertEquals(3, failures.getLength(), xml);
        assertEquals("system.VillagerMoveSystem.frame",
                failures.item(0).getParentNode().getAttributes().getNamedItem("name").getNodeValue());
        assertEquals(2, doc.getElementsByTagName("skipped").getLength(), xml);
    }

    @Test
    void jsonWritesNullWhereANumberDoesNotApply() throws Exception {
        JsonNode root = new ObjectMapper().readTree(write(new CompareJsonWriter()));
        assertEquals("puredots-compare/1", root.get("schema").asText());
        assertTrue(root.get("regression").asBoolean());
        JsonNode onlyBefore = null;
        for (JsonNode m : root.get("metrics")) {
            if (m.get("metric").asText().equals("system.OnlyBefore.call")) {
                onlyBefore = m;
            }
        }
        assertTrue(onlyBefore != null && onlyBefore.get("deltaPercent").isNull(), String.valueOf(onlyBefore));
        assertEquals("NOT_COMPARED", onlyBefore.get("verdict").asText());
        assertEquals("only in the baseline", onlyBefore.get("note").asText());
    }

    @Test
    void textStartsWithTheSummaryAndNamesTheNewlyViolatedBudget() throws Exception {
        String text = write(new CompareTextWriter());
        assertTrue(text.startsWith("REGRESSION: 2 metrics regressed, 1 budget newly violated"), text);
        assertTrue(text.lines().anyMatch(l -> l.contains("group.VillagerSystemGroup") && l.endsWith("NEWLY VIOLATED")),
                text);
    }
}
