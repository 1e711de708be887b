package io.puredots.analyzer.cli;

import io.puredots.budgets.BudgetFormatException;
import io.puredots.budgets.Budgets;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Mixin: {@code --budgets FILE}. Filled by picocli; not thread-safe. */
final class BudgetsOption {
    @Option(names = "--budgets", paramLabel = "FILE",
            description = "Budget file (the format sim-runtime reads). Default: the built-in default.budgets.")
    Path file;

    /**
     * The budgets of {@code --budgets FILE}, or the built-in defaults when no file was given.
     *
     * @throws Cli.UserException with a one-line message when the file is missing or malformed
     */
    Budgets budgets() {
        if (file == null) {
            return Budgets.defaults();
        }
        try {
            return Budgets.read(file);
        } catch (NoSuchFileException e) {
            throw new Cli.UserException("cannot read budgets '" + file + "': no such file", e);
        } catch (IOException e) {
            throw new Cli.UserException("cannot read budgets '" + file + "': " + e.getMessage(), e);
        } catch (BudgetFormatException e) {
            throw new Cli.UserException("bad budgets file: " + e.getMessage(), e);
        }
    }
}
