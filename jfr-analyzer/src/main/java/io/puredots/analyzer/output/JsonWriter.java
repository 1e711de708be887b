package io.puredots.analyzer.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.puredots.analyzer.model.Report;
import io.puredots.analyzer.text.Units;

import java.io.IOException;
import java.io.Writer;

/**
 * The complete {@link Report} as one JSON object: the record components under their Java names
 * (times in ns, sizes in bytes, instants as epoch ns), plus {@code "schema"} first. This is the
 * stable machine-readable form for other tools; fields are only ever added. A cause's detail and
 * an attribution note are written as the text report words them ({@link ReportJsonModule}); each
 * slow frame and streak also gets its {@code "wallClock"} (UTC, milliseconds).
 * Thread-safe.
 */
public final class JsonWriter implements ReportWriter {
    /** Identifies the JSON layout; bumped only on an incompatible change. */
    public static final String SCHEMA = "puredots-report/1";

    /** The mapper, made on first use: a writer is made before the recording is read, the mapper only to write. */
    private static final class Mapper {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .registerModule(new ReportJsonModule())
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /** Makes the mapper and its serializers of the report's types (Jackson finds them by reflection). */
    @Override
    public void prepare() {
        Mapper.MAPPER.writerFor(Report.class);
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        ObjectMapper mapper = Mapper.MAPPER;
        ObjectNode root = mapper.createObjectNode();
        root.put("schema", SCHEMA);
        root.setAll((ObjectNode) mapper.valueToTree(report));
        // chart series are for the HTML report, not part of the JSON layout
        root.remove("timeline");
        addWallClocks(root);
        mapper.writeValue(out, root);
        out.write('\n');
        out.flush();
    }

    /**
     * Gives each slow frame and streak a {@code "wallClock"}: its start as a UTC instant with
     * milliseconds, the way JMC shows times, next to the epoch ns of {@code "startNanos"}.
     */
    private static void addWallClocks(ObjectNode root) {
        JsonNode slow = root.get("slowFrames");
        if (slow == null || !slow.isObject()) {
            return;
        }
        for (String list : new String[] {"worstFrames", "streaks"}) {
            for (JsonNode n : slow.path(list)) {
                ((ObjectNode) n).put("wallClock", Units.instant(n.get("startNanos").asLong()));
            }
        }
    }
}
