package io.puredots.analyzer.output;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Markdown table cells escape what Markdown would read as table or emphasis syntax. */
class MarkdownWriterTest {
    @Test
    void tableCellsEscapePipesUnderscoresAndStars() {
        assertEquals("Spawn\\|Move \\_tick\\_ \\*x\\*", MarkdownWriter.escape("Spawn|Move _tick_ *x*"));
        assertEquals("plain", MarkdownWriter.escape("plain"));
    }
}
