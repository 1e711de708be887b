package io.puredots.analyzer.bench;

import io.puredots.analyzer.cli.Cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

/**
 * JIT warm-up of {@code report}, for {@code jfr-analyzer/bench/report-costs.sh}: runs
 * {@code report --no-jmc --format json FILE} (the command line itself, output to a null stream)
 * twice in one JVM, and prints for each pass its wall time, the process's CPU time and the JIT
 * compilers' time during it. Pass 2 runs on code pass 1 compiled, so pass 1 less pass 2 estimates
 * what warming up costs a single {@code report} run. A full GC between the passes (not timed)
 * leaves pass 2 a heap like a fresh JVM's, without pass 1's garbage.
 *
 * <p>Usage: {@code WarmUpPasses <file.jfr>}. Prints a {@code startup} line (CPU and JIT time
 * before the first pass: JVM start and class loading up to here), then one line per pass:
 * {@code pass=N exit=E wallNanos=W cpuNanos=C jitMillis=J}. Exit 2 when a pass exits 2 (its
 * one-line error is on stderr), else 0.
 */
public final class WarmUpPasses {
    private WarmUpPasses() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: WarmUpPasses <file.jfr>");
            System.exit(2);
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean jitTimed = jit != null && jit.isCompilationTimeMonitoringSupported();
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.out.println("startup cpuNanos=" + os.getProcessCpuTime()
                + " jitMillis=" + (jitTimed ? jit.getTotalCompilationTime() : -1));
        String[] report = {"report", "--no-jmc", "--format", "json", args[0]};
        for (int pass = 1; pass <= 2; pass++) {
            if (pass > 1) {
                System.gc();
            }
            long jit0 = jitTimed ? jit.getTotalCompilationTime() : 0;
            long cpu0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();
            int code = Cli.execute(Cli.commandLine(new PrintWriter(Writer.nullWriter()), err), report, err);
            long wall = System.nanoTime() - wall0;
            long cpu = os.getProcessCpuTime() - cpu0;
            long jitMillis = jitTimed ? jit.getTotalCompilationTime() - jit0 : -1;
            System.out.println("pass=" + pass + " exit=" + code + " wallNanos=" + wall + " cpuNanos=" + cpu
                    + " jitMillis=" + jitMillis);
            if (code == Cli.TROUBLE) {
                System.exit(2);
            }
        }
    }
}
