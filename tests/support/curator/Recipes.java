import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.locks.InterProcessMutex;
import org.apache.curator.framework.recipes.locks.InterProcessReadWriteLock;
import org.apache.curator.framework.recipes.locks.InterProcessSemaphoreV2;
import org.apache.curator.framework.recipes.locks.Lease;
import org.apache.curator.retry.RetryOneTime;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.Collection;
import java.util.concurrent.CountDownLatch;

/**
 * Real Apache Curator recipes (Debian's libcurator-recipes-java) under a base path, for
 * tests/integration/recipes-curator.test.ts: two clients contend a mutex, a leader latch, a
 * semaphore and a read-write lock. Prints one JSON line per event; reads commands from stdin
 * (release-one, release-two, exit).
 * Run with the JDK's source launcher: java -cp '/usr/share/java/*' Recipes.java CONNECT BASE
 */
public class Recipes {
  static void say(String event, String detail) {
    System.out.println("{\"event\":\"" + event + "\",\"id\":\"" + detail + "\"}");
    System.out.flush();
  }

  static String session(CuratorFramework c) throws Exception {
    return Long.toHexString(c.getZookeeperClient().getZooKeeper().getSessionId());
  }

  public static void main(String[] args) throws Exception {
    String base = args[1];
    CuratorFramework one = CuratorFrameworkFactory.newClient(args[0], new RetryOneTime(200));
    CuratorFramework two = CuratorFrameworkFactory.newClient(args[0], new RetryOneTime(200));
    one.start();
    two.start();
    one.blockUntilConnected();
    two.blockUntilConnected();
    say("session-one", session(one));
    say("session-two", session(two));

    InterProcessMutex first = new InterProcessMutex(one, base + "/lock");
    first.acquire();
    InterProcessMutex second = new InterProcessMutex(two, base + "/lock");
    CountDownLatch releaseSecond = new CountDownLatch(1);
    Thread waiter = new Thread(() -> {
      try {
        second.acquire();
        say("acquired", "two");
        releaseSecond.await();
        second.release();
        say("released", "two");
      } catch (Exception e) {
        say("error", e.toString());
      }
    });
    waiter.start();

    LeaderLatch latchOne = new LeaderLatch(one, base + "/latch", "one");
    latchOne.start();
    latchOne.await();
    LeaderLatch latchTwo = new LeaderLatch(two, base + "/latch", "two");
    latchTwo.start();

    InterProcessSemaphoreV2 semaphore = new InterProcessSemaphoreV2(one, base + "/semaphore", 3);
    Collection<Lease> leases = semaphore.acquire(2);

    InterProcessReadWriteLock reads = new InterProcessReadWriteLock(one, base + "/rw");
    reads.readLock().acquire();
    say("ready", "one");

    BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
    for (String line; (line = in.readLine()) != null; ) {
      if (line.equals("release-one")) {
        first.release();
        say("released", "one");
      } else if (line.equals("release-two")) {
        releaseSecond.countDown();
      } else if (line.equals("exit")) {
        break;
      }
    }
    semaphore.returnAll(leases);
    reads.readLock().release();
    latchTwo.close();
    latchOne.close();
    one.close();
    two.close();
    say("done", "one");
    System.exit(0);
  }
}
