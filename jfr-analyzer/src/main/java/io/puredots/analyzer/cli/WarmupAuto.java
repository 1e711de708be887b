package io.puredots.analyzer.cli;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Default values of the commands that compare runs: {@code --warmup auto}, so that warm-up is
 * excluded on both sides unless asked otherwise. Every other option keeps its own default.
 * Stateless.
 */
final class WarmupAuto implements IDefaultValueProvider {
    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (argSpec instanceof OptionSpec && "--warmup".equals(((OptionSpec) argSpec).longestName())) {
            return "auto";
        }
        return null;
    }
}
