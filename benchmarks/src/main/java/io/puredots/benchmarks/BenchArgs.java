package io.puredots.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code --name N} options of the benchmark tools (positive whole numbers), with defaults: one
 * parser, so that every tool refuses a bad option alike (one line on stderr, exit code 2).
 */
final class BenchArgs {
    private BenchArgs() {
    }

    /**
     * {@code defaults} with the values of {@code args} put in; exits with 2 on an unknown option,
     * a missing value or one that is not a positive whole number.
     *
     * @param tool the tool's name, for the error line
     */
    static Map<String, Integer> parse(String tool, String[] args, Map<String, Integer> defaults) {
        Map<String, Integer> values = new LinkedHashMap<>(defaults);
        if (args.length % 2 != 0) {
            fail(tool + ": " + args[args.length - 1] + " needs a value");
        }
        for (int i = 0; i + 1 < args.length; i += 2) {
            String name = args[i];
            if (!name.startsWith("--") || !values.containsKey(name.substring(2))) {
                fail(tool + ": unknown option '" + name + "'");
            }
            int v;
            try {
                v = Integer.parseInt(args[i + 1]);
            } catch (NumberFormatException e) {
                v = -1;
            }
            if (v < 1) {
                fail(tool + ": " + name + " needs a positive whole number, got '" + args[i + 1] + "'");
            }
            values.put(name.substring(2), v);
        }
        return values;
    }

    private static void fail(String line) {
        System.err.println(line);
        System.exit(2);
    }
}
