package io.crowdlens.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** What a benchmark ran on and how much memory it took, read from the machine itself. */
final class BenchMachine {

    private BenchMachine() {
    }

    static String describe(Connection duckdb) throws IOException, SQLException {
        return "| | |\n|---|---|\n"
                + "| CPU | " + cpuModel() + " |\n"
                + "| cores (`nproc`) | " + Runtime.getRuntime().availableProcessors() + " |\n"
                + "| memory (`free -h`) | " + totalMemory() + " |\n"
                + "| load average at start (1/5/15 min) | " + loadAverage() + " |\n"
                + "| JDK | " + System.getProperty("java.vm.vendor") + " " + Runtime.version() + " |\n"
                + "| max heap (-Xmx of the test JVM) | " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB |\n"
                + "| DuckDB | " + duckdbVersion(duckdb) + " (JDBC, in-process) |\n";
    }

    static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
        return fields[0] + " / " + fields[1] + " / " + fields[2];
    }

    /** Peak resident set size of this JVM, DuckDB's native memory included (VmHWM). */
    static long peakRssMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmHWM in /proc/self/status");
    }

    /** CPU time of the whole process, DuckDB's native threads included: on a shared machine, per-core cost. */
    static double processCpuSeconds() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return os.getProcessCpuTime() / 1e9;
    }

    static long peakHeapMiB() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1 << 20);
    }

    static String cpuModel() throws IOException {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .findFirst().orElse("unknown");
    }

    static String totalMemory() throws IOException {
        Process free = new ProcessBuilder("free", "-h").redirectErrorStream(true).start();
        List<String> lines = new String(free.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        return lines.stream().filter(l -> l.startsWith("Mem:")).findFirst()
                .map(l -> "total " + l.split("\\s+")[1] + ", available " + l.split("\\s+")[6])
                .orElse("unknown");
    }

    private static String duckdbVersion(Connection duckdb) throws SQLException {
        try (Statement statement = duckdb.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version()")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
