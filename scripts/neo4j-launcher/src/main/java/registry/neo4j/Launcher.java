package registry.neo4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Starts Neo4j Community (the real engine, embedded) with a Bolt connector on loopback and a
 * password on the built-in "neo4j" user, then waits for SIGTERM to shut down cleanly.
 *
 * Arguments: none. Configuration comes from environment variables so that the Node scripts own it:
 * NEO4J_HOME_DIR (data root), NEO4J_BOLT_PORT, NEO4J_PASSWORD, NEO4J_PAGECACHE (e.g. "2g"),
 * NEO4J_TX_TIMEOUT_SECONDS.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    Path home = Path.of(required(env, "NEO4J_HOME_DIR")).toAbsolutePath();
    int port = Integer.parseInt(env.getOrDefault("NEO4J_BOLT_PORT", "7687"));
    String password = required(env, "NEO4J_PASSWORD");
    long pageCache = ByteUnit.parse(env.getOrDefault("NEO4J_PAGECACHE", "2g"));
    long txTimeout = Long.parseLong(env.getOrDefault("NEO4J_TX_TIMEOUT_SECONDS", "60"));
    Files.createDirectories(home);

    DatabaseManagementService service =
        new DatabaseManagementServiceBuilder(home)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
            .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
            .setConfig(HttpConnector.enabled, false)
            .setConfig(GraphDatabaseSettings.auth_enabled, true)
            .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
            .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(txTimeout))
            .build();

    // The embedded engine has no neo4j-admin: set the password through the system database.
    // Idempotent, so a restart with the same password is a no-op.
    service
        .database("system")
        .executeTransactionally(
            "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
            Map.of("password", password));

    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("neo4j-launcher: shutting down");
                  service.shutdown();
                  System.out.println("neo4j-launcher: stopped");
                }));
    System.out.println("neo4j-launcher: bolt ready on 127.0.0.1:" + port);
    Thread.currentThread().join();
  }

  private static String required(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      System.err.println("neo4j-launcher: environment variable " + name + " is required");
      System.exit(2);
    }
    return value;
  }
}
