package io.puredots.analyzer.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.puredots.analyzer.model.attribution.AttributionNote;
import io.puredots.analyzer.model.attribution.CauseDetail;

import java.io.IOException;
import java.util.function.Function;

/**
 * The JSON report's wording of model values that hold data but read as one string: a cause's
 * detail and an attribution note, each written as the text report words it
 * ({@link AttributionText}), so the two formats say the same. Thread-safe.
 */
final class ReportJsonModule extends SimpleModule {

    ReportJsonModule() {
        super("puredots-report");
        addSerializer(CauseDetail.class, new AsText<>(CauseDetail.class, AttributionText::detail));
        addSerializer(AttributionNote.class, new AsText<>(AttributionNote.class, AttributionText::note));
    }

    /** Writes a value as the string its wording function gives. */
    private static final class AsText<T> extends StdSerializer<T> {
        private final transient Function<T, String> words;

        AsText(Class<T> type, Function<T, String> words) {
            super(type);
            this.words = words;
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(words.apply(value));
        }
    }
}
