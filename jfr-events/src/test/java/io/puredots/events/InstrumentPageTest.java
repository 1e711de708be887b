package io.puredots.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * INSTRUMENT.md shows the example game's own code: every {@code java} block on the page appears
 * verbatim in {@code examples/minimal-game}'s sources and the {@code xml} block in its pom, so the
 * page cannot drift from the code CI builds and runs (ci/example-test.sh).
 */
class InstrumentPageTest {
    private static final Path PAGE = Path.of("INSTRUMENT.md");
    private static final Path EXAMPLE = Path.of("..", "examples", "minimal-game");
    private static final Pattern BLOCK = Pattern.compile("(?s)```(\\w*)\\n(.*?)\\n```");

    private static List<String> blocks(String page, String language) {
        List<String> found = new ArrayList<>();
        Matcher m = BLOCK.matcher(page);
        while (m.find()) {
            if (m.group(1).equals(language)) {
                found.add(m.group(2));
            }
        }
        return found;
    }

    @Test
    void everyJavaBlockIsInTheExampleSources() throws IOException {
        String sources;
        try (Stream<Path> files = Files.walk(EXAMPLE.resolve("src"))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).sorted()
                    .map(InstrumentPageTest::read).collect(Collectors.joining("\n"));
        }
        List<String> java = blocks(read(PAGE), "java");
        assertEquals(4, java.size(), "java blocks on " + PAGE);
        for (String block : java) {
            assertTrue(sources.contains(block), "not in examples/minimal-game/src:\n" + block);
        }
    }

    @Test
    void theDependencyBlockIsTheExamplesDependencyOnThisModule() {
        List<String> xml = blocks(read(PAGE), "xml");
        assertEquals(1, xml.size(), "xml blocks on " + PAGE);
        assertTrue(read(EXAMPLE.resolve("pom.xml")).contains(xml.get(0)), "not in the example's pom:\n" + xml.get(0));
        assertTrue(xml.get(0).contains("<artifactId>jfr-events</artifactId>"), xml.get(0));
        assertTrue(xml.get(0).contains("<version>" + moduleVersion() + "</version>"), "page's version is not this module's " + moduleVersion());
    }

    @Test
    void theSettingsPathOnThePageIsInTheJar() throws IOException {
        String page = read(PAGE);
        String resource = "io/puredots/events/puredots.jfc";
        assertTrue(page.contains("settings=" + resource), "the page's command line does not use the jar's " + resource);
        try (InputStream in = EventNames.class.getResourceAsStream("/" + resource)) {
            assertNotNull(in, resource + " is not in the jar");
        }
    }

    /** This module's version, from its pom's parent element (the version every module shares). */
    private static String moduleVersion() {
        Matcher m = Pattern.compile("(?s)<parent>.*?<version>([^<]+)</version>").matcher(read(Path.of("pom.xml")));
        assertTrue(m.find(), "no parent version in pom.xml");
        return m.group(1);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file.toAbsolutePath(), e);
        }
    }
}
