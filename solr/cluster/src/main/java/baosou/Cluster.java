package baosou;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * baosou's SolrCloud test cluster: an embedded ZooKeeper and Solr nodes on loopback (Solr's
 * MiniSolrCloudCluster, used outside JUnit), and one collection made from the configset.
 *
 * <p>Usage: {@code Cluster BASE_DIR CONF_DIR [NODES SHARDS REPLICAS]}. Once the collection
 * answers a query, its URL is written to {@code BASE_DIR/url} and printed; the process then
 * runs until it is sent SIGTERM, which shuts the nodes down. {@code solr/cluster.sh} runs it.
 */
public final class Cluster {
  /** The collection's name, and the name of its configset in ZooKeeper. */
  static final String COLLECTION = "baosou";

  private Cluster() {}

  public static void main(String[] args) {
    try {
      run(args);
    } catch (Throwable e) {
      // Exit (the shutdown hook stops the nodes): the nodes' threads would keep a failed
      // start running.
      System.err.println("baosou cluster: could not start: " + e);
      e.printStackTrace();
      System.exit(1);
    }
  }

  private static void run(String[] args) throws Exception {
    if (args.length != 2 && args.length != 5) {
      System.err.println("usage: Cluster BASE_DIR CONF_DIR [NODES SHARDS REPLICAS]");
      System.exit(2);
    }
    Path base = Path.of(args[0]).toAbsolutePath();
    Path conf = Path.of(args[1]).toAbsolutePath();
    int nodes = args.length == 5 ? Integer.parseInt(args[2]) : 2;
    int shards = args.length == 5 ? Integer.parseInt(args[3]) : 2;
    int replicas = args.length == 5 ? Integer.parseInt(args[4]) : 2;

    // As Solr's benchmark module does for a cluster outside the test runner.
    System.setProperty("doNotWaitForMergesOnIWClose", "true");
    System.setProperty("pkiHandlerPrivateKeyPath", "");
    System.setProperty("pkiHandlerPublicKeyPath", "");

    Files.createDirectories(base);
    MiniSolrCloudCluster cluster =
        new MiniSolrCloudCluster.Builder(nodes, base.resolve("nodes"))
            .addConfig(COLLECTION, conf)
            .configure();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    cluster.shutdown();
                  } catch (Exception e) {
                    System.err.println("baosou cluster: shutdown: " + e);
                  }
                }));

    CloudSolrClient client = cluster.getSolrClient();
    CollectionAdminRequest.createCollection(COLLECTION, COLLECTION, shards, replicas)
        .process(client);
    cluster.waitForActiveCollection(
        COLLECTION, 120, TimeUnit.SECONDS, shards, shards * replicas);
    client.query(COLLECTION, new SolrQuery("*:*"));

    String url = cluster.getJettySolrRunners().get(0).getBaseUrl() + "/" + COLLECTION;
    Path tmp = base.resolve("url.tmp");
    Files.writeString(tmp, url + "\n");
    Files.move(tmp, base.resolve("url"), StandardCopyOption.ATOMIC_MOVE);
    System.out.println(url);
    System.out.flush();
    watch(cluster, base, shards, replicas);
  }

  /**
   * Stops and starts nodes on request, for the tests of a node lost mid-run: a file {@code
   * BASE_DIR/node-N.stop} stops node N, {@code node-N.start} starts it again and waits until
   * every replica is active; each request file is removed and answered by {@code node-N.done}.
   * Node 0 holds the URL printed and is never stopped.
   */
  private static void watch(MiniSolrCloudCluster cluster, Path base, int shards, int replicas)
      throws Exception {
    int nodes = cluster.getJettySolrRunners().size();
    JettySolrRunner[] runners = cluster.getJettySolrRunners().toArray(new JettySolrRunner[0]);
    boolean[] stopped = new boolean[nodes];
    while (true) {
      Thread.sleep(200);
      for (int n = 1; n < nodes; n++) {
        Path stop = base.resolve("node-" + n + ".stop");
        Path start = base.resolve("node-" + n + ".start");
        Path done = base.resolve("node-" + n + ".done");
        try {
          if (Files.deleteIfExists(stop)) {
            if (!stopped[n]) {
              cluster.stopJettySolrRunner(runners[n]);
              cluster.waitForJettyToStop(runners[n]);
              stopped[n] = true;
            }
            Files.writeString(done, "stopped\n");
          } else if (Files.deleteIfExists(start)) {
            if (stopped[n]) {
              cluster.startJettySolrRunner(runners[n]);
              stopped[n] = false;
            }
            cluster.waitForAllNodes(120);
            cluster.waitForActiveCollection(
                COLLECTION, 120, TimeUnit.SECONDS, shards, shards * replicas);
            Files.writeString(done, "started\n");
          }
        } catch (Exception e) {
          System.err.println("baosou cluster: node " + n + ": " + e);
          Files.writeString(done, "failed: " + e + "\n");
        }
      }
    }
  }
}
