package tpps;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Runs Neo4j Community embedded with Bolt on HOST:PORT (port 0 picks a free one).
 *
 * Usage: Launcher HOME_DIR HOST PORT. Auth is on when NEO4J_PASSWORD is set (user neo4j).
 * Prints one line "TPPS-NEO4J-READY bolt://host:port" when Bolt accepts connections, or
 * "TPPS-NEO4J-FAILED reason". Stops when its standard input closes, so a test runner that
 * dies cannot leave it running, and on SIGTERM.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        DatabaseManagementService dbms = null;
        try {
            if (args.length != 3) {
                throw new IllegalArgumentException("usage: Launcher HOME_DIR HOST PORT");
            }
            String password = System.getenv("NEO4J_PASSWORD");
            boolean auth = password != null && !password.isEmpty();
            dbms = new DatabaseManagementServiceBuilder(Path.of(args[0]))
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address,
                            new SocketAddress(args[1], Integer.parseInt(args[2])))
                    .setConfig(BoltConnector.encryption_level,
                            BoltConnector.EncryptionLevel.DISABLED)
                    .setConfig(GraphDatabaseSettings.auth_enabled, auth)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, 64L * 1024 * 1024)
                    .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    // Without these, shutdown waits ~12 s for Bolt threads.
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time,
                            Duration.ofMillis(200))
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time,
                            Duration.ofMillis(200))
                    .build();
            if (auth) {
                GraphDatabaseService system = dbms.database("system");
                try {
                    system.executeTransactionally(
                            "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED",
                            Map.of("pw", password));
                } catch (RuntimeException e) {
                    // A restart on the same data folder: the password is already this one.
                    if (!String.valueOf(e.getMessage()).contains("cannot be the same")) {
                        throw e;
                    }
                }
            }
            GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database("neo4j");
            HostnamePort bolt = db.getDependencyResolver()
                    .resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT);
            final DatabaseManagementService running = dbms;
            Runtime.getRuntime().addShutdownHook(new Thread(running::shutdown));
            System.out.println("TPPS-NEO4J-READY bolt://" + bolt.getHost() + ":" + bolt.getPort());
            System.out.flush();
            while (System.in.read() != -1) {
                // wait for the parent to close the pipe
            }
            System.exit(0);
        } catch (Throwable t) {
            System.out.println("TPPS-NEO4J-FAILED " + t);
            System.out.flush();
            t.printStackTrace();
            if (dbms != null) {
                dbms.shutdown();
            }
            // Neo4j's non-daemon threads would keep a failed JVM alive.
            System.exit(1);
        }
    }
}
