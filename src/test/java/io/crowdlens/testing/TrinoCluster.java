package io.crowdlens.testing;

import io.crowdlens.pipeline.engine.DropTables;
import io.crowdlens.pipeline.engine.TrinoConnection;
import io.crowdlens.pipeline.lake.LakeExport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real Trino 476 for the engine tests (docs/decisions/020-trino-in-tests.md): the official server
 * distribution, unpacked into target/ by the build, started as two processes on loopback, a coordinator
 * that schedules no work on itself and one worker. Started once per test JVM, on first use; stopped by
 * process id when the JVM exits (normally, on a failure or on SIGTERM), and a cluster left behind by a
 * JVM that was killed outright is stopped by the next start.
 *
 * <p>Catalogs: {@code hive} (file metastore, Parquet on the local file system: the drops, as
 * {@link LakeExport} writes them), {@code iceberg} (file metastore: the runs' scratch schemas) and
 * {@code memory} (the run keys). The file metastores are for tests; docs/pipeline.md shows production ones.
 */
public final class TrinoCluster {

    public static final String COORDINATOR = "coordinator";
    public static final String WORKER = "worker-1";
    private static final Duration STARTUP = Duration.ofMinutes(4);
    private static final List<String> PLUGINS = List.of("hive", "iceberg", "memory");

    private static TrinoCluster shared;
    private static RuntimeException failedToStart;

    private final Path base;
    private final Path warehouse;
    private final int port;
    private final List<Process> processes = new ArrayList<>();
    private final AtomicInteger drops = new AtomicInteger();
    private volatile Duration startedIn;

    private TrinoCluster(Path home) throws IOException {
        long started = System.nanoTime();
        Path root = Path.of("target", "trino-test").toAbsolutePath();
        stopLeftovers(root);
        base = Files.createDirectories(root.resolve(Long.toString(ProcessHandle.current().pid())));
        warehouse = Files.createDirectories(base.resolve("warehouse"));
        Path plugins = Files.createDirectories(base.resolve("plugins"));
        for (String plugin : PLUGINS) {
            Files.createSymbolicLink(plugins.resolve(plugin), home.resolve("plugin").resolve(plugin));
        }
        port = freePort();
        int workerPort = freePort();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "trino-cluster-stop"));
        // small heaps by default (2 cores, memory shared with other work); benchmarks give the worker more
        processes.add(start(home, COORDINATOR, port, true, 1024));
        processes.add(start(home, WORKER, workerPort, false, workerHeapMb()));
        Files.writeString(base.resolve("pids"), processes.stream().map(p -> Long.toString(p.pid())).reduce((a, b) -> a + "\n" + b).orElse(""));
        awaitWorker();
        startedIn = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("Trino 476 cluster up in %.1f s: coordinator pid %d (port %d), worker pid %d (port %d)%n",
                startedIn.toMillis() / 1000.0, processes.get(0).pid(), port, processes.get(1).pid(), workerPort);
    }

    private static int workerHeapMb() {
        return Integer.getInteger("crowdlens.trino.worker-heap-mb", 1536);
    }

    /** The cluster of this JVM, started on first use. */
    public static synchronized TrinoCluster shared() {
        if (failedToStart != null) {
            throw new IllegalStateException("The Trino test cluster failed to start earlier in this JVM", failedToStart);
        }
        if (shared == null) {
            Path home = Path.of(System.getProperty("crowdlens.trino.home", "target/trino-server-476")).toAbsolutePath();
            if (!Files.isDirectory(home.resolve("lib"))) {
                throw new IllegalStateException("No Trino server at " + home + ": the build unpacks io.trino:trino-server:476"
                        + " there in process-test-resources (run the tests through ./mvnw)");
            }
            if (Runtime.version().feature() < 24) {
                throw new IllegalStateException("Trino 476 needs Java 24 or newer; the tests run on " + Runtime.version());
            }
            try {
                shared = new TrinoCluster(home);
            } catch (IOException e) {
                failedToStart = new UncheckedIOException("Could not start the Trino test cluster", e);
                throw failedToStart;
            } catch (RuntimeException e) {
                failedToStart = e;
                throw e;
            }
        }
        return shared;
    }

    /** The pipeline's settings for this cluster (crowdlens.pipeline.trino.*). */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("crowdlens.pipeline.trino.url", () -> shared().jdbcUrl());
        registry.add("crowdlens.pipeline.trino.scratch-catalog", () -> "iceberg");
        registry.add("crowdlens.pipeline.trino.key-catalog", () -> "memory");
    }

    public String jdbcUrl() {
        return "jdbc:trino://127.0.0.1:" + port;
    }

    public TrinoConnection settings() {
        return new TrinoConnection(jdbcUrl(), "crowdlens", "", "iceberg", "", "memory");
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "crowdlens", null);
    }

    public Duration startedIn() {
        return startedIn;
    }

    /** CPU time the coordinator and the worker have used so far (user and system, all threads). */
    public double cpuSeconds() {
        return processes.stream().mapToDouble(p -> p.toHandle().info().totalCpuDuration()
                .map(d -> d.toNanos() / 1e9).orElseThrow(() -> new IllegalStateException("no CPU time for " + p.pid())))
                .sum();
    }

    private double cpuSecondsOrZero() {
        try {
            return cpuSeconds();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /**
     * Registers a folder of Parquet event files as they are (typed columns) and a drop's optouts.csv as
     * drop tables, without copying the events: for benchmarks on a generated drop.
     *
     * @param eventColumns the events table's columns as DDL, e.g. {@code device_id varchar, cell_id varchar, ts bigint}
     */
    public String registerParquetEvents(Path eventsFolder, String eventColumns, Path optOutsCsv) {
        String schema = "drop_" + drops.incrementAndGet();
        Path out = warehouse.resolve("drops").resolve(schema);
        try {
            Files.createDirectories(out.resolve(DropTables.OPTOUTS));
            // hard links: Trino's local file system lists no files behind a symbolic link to a folder
            Path events = Files.createDirectories(out.resolve(DropTables.EVENTS));
            try (Stream<Path> files = Files.list(eventsFolder)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".parquet")).toList()) {
                    Files.createLink(events.resolve(file.getFileName()), file.toAbsolutePath());
                }
            }
            try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement()) {
                s.execute("copy (select device_id from read_csv('" + optOutsCsv.toAbsolutePath()
                        + "', header = true, all_varchar = true)) to '" + out.resolve(DropTables.OPTOUTS).resolve("optouts.parquet")
                        + "' (format parquet)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the opt-outs as Parquet: " + e.getMessage(), e);
        }
        String location = "local:///drops/" + schema + "/";
        execute(List.of("create schema hive." + schema,
                "create table hive." + schema + ".events (" + eventColumns + ") with (external_location = '" + location
                        + DropTables.EVENTS + "', format = 'PARQUET')",
                "create table hive." + schema + ".optouts (device_id varchar) with (external_location = '" + location
                        + DropTables.OPTOUTS + "', format = 'PARQUET')"));
        return "hive." + schema;
    }

    /**
     * Puts a drop folder's events and opt-outs into the hive catalog as a data lake would hold them: the
     * first pass ({@link LakeExport}) writes Parquet under the warehouse, and its DDL registers the tables.
     *
     * @return the drop tables' catalog.schema, for {@code --drop-tables}
     */
    public String publishDrop(Path drop) {
        String schema = "drop_" + drops.incrementAndGet();
        Path out = warehouse.resolve("drops").resolve(schema);
        LakeExport.write(drop, out);
        execute(LakeExport.createTables(new DropTables("hive", schema), "local:///drops/" + schema));
        return "hive." + schema;
    }

    public void execute(List<String> statements) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Trino test cluster: " + e.getMessage(), e);
        }
    }

    public long count(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Trino test cluster: " + e.getMessage(), e);
        }
    }

    private Process start(Path home, String node, int httpPort, boolean coordinator, int heapMb) throws IOException {
        Path dir = Files.createDirectories(base.resolve(node));
        Path catalogs = Files.createDirectories(dir.resolve("catalog"));
        write(dir.resolve("config.properties"),
                "coordinator=" + coordinator,
                coordinator ? "node-scheduler.include-coordinator=false" : "",
                "http-server.http.port=" + httpPort,
                "discovery.uri=http://127.0.0.1:" + port,
                // the coordinator enforces the distributed limit: size it by the worker, where the work is
                "query.max-memory=" + workerHeapMb() * 2 / 5 + "MB",
                "query.max-memory-per-node=" + heapMb * 2 / 5 + "MB",
                "plugin.dir=" + base.resolve("plugins"),
                "catalog.config-dir=" + catalogs,
                // one worker on a 2-core machine shared with other work: few threads and few hash
                // partitions (the defaults, up to 100 and 50 for writes, are for clusters of many nodes)
                "task.concurrency=2",
                "task.max-worker-threads=4",
                "query.max-hash-partition-count=4",
                "query.min-hash-partition-count=1",
                "query.min-hash-partition-count-for-write=1",
                "query.min-expire-age=30m");
        String local = "fs.native-local.enabled=true\nlocal.location=" + warehouse;
        write(catalogs.resolve("hive.properties"), "connector.name=hive", "hive.metastore=file",
                "hive.metastore.catalog.dir=local:///hive-metastore", local);
        // scratch tables are written once and read once or twice: no statistics sketches on write; and the
        // tests' tables are tiny, so a scan does not wait up to a second (the default) for dynamic filters
        write(catalogs.resolve("iceberg.properties"), "connector.name=iceberg", "iceberg.catalog.type=TESTING_FILE_METASTORE",
                "hive.metastore.catalog.dir=local:///iceberg-metastore", "iceberg.extended-statistics.collect-on-write=false",
                "iceberg.dynamic-filtering.wait-timeout=0s", local);
        write(catalogs.resolve("memory.properties"), "connector.name=memory", "memory.max-data-per-node=64MB");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms256M", "-Xmx" + heapMb + "M", "-XX:+ExitOnOutOfMemoryError", "-XX:-OmitStackTraceInFastThrow",
                "-XX:ReservedCodeCacheSize=256M",
                "-Djdk.attach.allowAttachSelf=true", "-Dfile.encoding=UTF-8", "-XX:+EnableDynamicAgentLoading",
                "--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-Dnode.environment=crowdlens_test", "-Dnode.id=" + node, "-Dnode.data-dir=" + dir.resolve("data"),
                "-Dnode.bind-ip=127.0.0.1", "-Dnode.internal-address=127.0.0.1",
                "-Dconfig=" + dir.resolve("config.properties"), "-Dlog.output-file=" + dir.resolve("server.log"),
                "-Dlog.levels-file=" + write(dir.resolve("log.properties"), "io.trino=WARN"),
                "-cp", home.resolve("lib") + "/*", "io.trino.server.TrinoServer"));
        if (Boolean.getBoolean("crowdlens.trino.full-jit")) {
            command.add(1, "-XX:+UseG1GC"); // benchmarks: Trino's own settings
        } else {
            // tests: thousands of small queries on tiny tables, in a JVM that lives a few minutes on 2 shared
            // cores; the C2 compiler and G1's concurrent threads would spend more CPU than they save
            command.addAll(1, List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        }
        command.removeIf(String::isEmpty);
        return new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("console.log").toFile()).start();
    }

    private void awaitWorker() {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        String lastError = "";
        while (System.nanoTime() < deadline) {
            for (Process p : processes) {
                if (!p.isAlive()) {
                    stopProcesses();
                    throw new IllegalStateException("A Trino process exited with " + p.exitValue() + " while starting; see "
                            + base + "/*/console.log and server.log");
                }
            }
            try (Connection c = connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select count(*) from system.runtime.nodes"
                         + " where coordinator = false and state = 'active'")) {
                if (rs.next() && rs.getLong(1) >= 1) {
                    return;
                }
            } catch (SQLException e) {
                lastError = e.getMessage();
            }
            sleep(500);
        }
        stopProcesses();
        throw new IllegalStateException("Trino did not list an active worker within " + STARTUP + " (" + lastError
                + "); logs in " + base);
    }

    /** Stops both processes and deletes their folders. */
    private synchronized void stop() {
        if (startedIn != null) {
            System.out.printf("Trino test cluster stopping: coordinator and worker used %.0f CPU-seconds%n", cpuSecondsOrZero());
        }
        stopProcesses();
        if (startedIn != null) {
            deleteRecursively(base);
        }
    }

    /** Stops both processes by their ids, politely first (their logs stay for a failed start). */
    private synchronized void stopProcesses() {
        for (Process p : processes) {
            p.toHandle().destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(15, TimeUnit.SECONDS)) {
                    p.toHandle().destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.toHandle().destroyForcibly();
            }
        }
    }

    /** A JVM killed outright (SIGKILL) runs no hook: stop the Trino processes its pids file names, if still ours. */
    private static void stopLeftovers(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> runs = Files.list(root)) {
            for (Path run : runs.toList()) {
                long owner = Long.parseLong(run.getFileName().toString().replaceAll("\\D", "0"));
                if (ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
                    continue; // another test JVM's cluster
                }
                Path pids = run.resolve("pids");
                if (Files.exists(pids)) {
                    for (String pid : Files.readAllLines(pids)) {
                        ProcessHandle.of(Long.parseLong(pid.strip()))
                                .filter(h -> h.info().commandLine().map(c -> c.contains("io.trino.server.TrinoServer")
                                        && c.contains(run.toString())).orElse(false))
                                .ifPresent(ProcessHandle::destroyForcibly);
                    }
                }
                deleteRecursively(run);
            }
        }
    }

    private static Path write(Path file, String... lines) throws IOException {
        Files.writeString(file, String.join("\n", Stream.of(lines).filter(l -> !l.isEmpty()).toList()) + "\n",
                StandardCharsets.UTF_8);
        return file;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Trino", e);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort: target/ is the build's own folder
        }
    }
}
