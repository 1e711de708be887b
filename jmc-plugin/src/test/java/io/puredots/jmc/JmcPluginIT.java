package io.puredots.jmc;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plugin jar as JMC meets it: alone with JMC's own jars (no jfr-events, no analyzer), found by
 * JMC's {@code RuleRegistry}, run on a game recording, scored in JMC's severity bands; and its OSGi
 * manifest, a fragment of JMC's rules bundle, holding nothing of JMC.
 */
class JmcPluginIT {
    private static final Path PLUGIN = Path.of("target/puredots-jmc-plugin.jar");
    private static final Path RECORDING = Path.of("../recordings/fixtures/sim-small.jfr");

    /** JMC's jars and their dependencies from this test's class path: nothing of this project. */
    private static List<URL> jmcJars() throws IOException {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            boolean ours = entry.contains("puredots") || entry.contains("jfr-events") || entry.contains("jmc-plugin")
                    || entry.endsWith("classes") || entry.contains("junit") || entry.contains("opentest4j")
                    || entry.contains("apiguardian");
            if (!ours) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        return urls;
    }

    private static URLClassLoader jmcWith(Path... extra) throws IOException {
        List<URL> urls = new ArrayList<>();
        for (Path p : extra) {
            urls.add(p.toUri().toURL());
        }
        urls.addAll(jmcJars());
        return new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
    }

    @Test
    void jmcsRuleRegistryFindsAndRunsTheRuleFromThePluginJarAlone() throws Exception {
        Path driverClasses = Path.of("target/test-classes");
        try (URLClassLoader jmc = jmcWith(PLUGIN, driverClasses)) {
            assertThrows(ClassNotFoundException.class, () -> jmc.loadClass("io.puredots.events.GameEvents"),
                    "nothing of jfr-events but what the plugin jar holds");
            String result = (String) jmc.loadClass(JmcRuleDriver.class.getName())
                    .getMethod("run", String.class, String.class)
                    .invoke(null, FrameBudgetRule.ID, RECORDING.toString());
            String[] parts = result.split("\\|", 5);
            assertEquals(5, parts.length, result);
            // 8 of 120 frames over 16.6 ms, longest streak 3: no streak violation, but over the warning share
            assertEquals("WARNING", parts[0], result);
            assertEquals(parts[0], parts[2], "the score is in JMC's band of the severity: " + result);
            assertEquals("true", parts[3], "the rule came from the isolated loader: " + result);
            assertTrue(parts[4].startsWith("8 of 120 frames (6.7%) over the 16.6 ms frame budget; longest streak 3"),
                    result);
        }
    }

    @Test
    void withoutThePluginJmcDoesNotKnowTheRule() throws Exception {
        try (URLClassLoader jmc = jmcWith(Path.of("target/test-classes"))) {
            Object result = jmc.loadClass(JmcRuleDriver.class.getName()).getMethod("run", String.class, String.class)
                    .invoke(null, FrameBudgetRule.ID, RECORDING.toString());
            assertEquals("missing", result);
        }
    }

    @Test
    void manifestMakesItAFragmentOfJmcsRulesBundleWithoutJmcInside() throws IOException {
        assertTrue(Files.isRegularFile(PLUGIN), PLUGIN + " (mvn package)");
        try (JarFile jar = new JarFile(PLUGIN.toFile())) {
            Attributes m = jar.getManifest().getMainAttributes();
            assertEquals("2", m.getValue("Bundle-ManifestVersion"));
            assertEquals("io.puredots.jmc.framebudget", m.getValue("Bundle-SymbolicName"));
            assertEquals("org.openjdk.jmc.flightrecorder.rules", m.getValue("Fragment-Host"));
            assertTrue(m.getValue("Bundle-Version").matches("\\d+\\.\\d+\\.\\d+(\\.[A-Za-z0-9_-]+)?"),
                    m.getValue("Bundle-Version"));
            assertEquals(FrameBudgetRule.class.getName(), new String(jar.getInputStream(
                    jar.getEntry("META-INF/services/org.openjdk.jmc.flightrecorder.rules.IRule")).readAllBytes()).trim());
            assertFalse(jar.stream().anyMatch(e -> e.getName().startsWith("org/")), "no JMC class inside");
            assertTrue(jar.getEntry("io/puredots/budgets/default.budgets") != null, "the default budgets");
        }
    }
}
