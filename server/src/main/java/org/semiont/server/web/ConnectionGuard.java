package org.semiont.server.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;

/**
 * Two limits on what one client can hold: the whole request head (request line and headers) must arrive within
 * {@code headTimeout} however slowly it trickles in (Jetty's idle timeout alone restarts with every byte, so a header
 * line every 10 s kept a connection for ever), and one client address holds at most {@code maxPerAddress}
 * connections; a connection beyond is closed as soon as it opens.
 */
final class ConnectionGuard extends AbstractLifeCycle implements Connection.Listener {
    private final Server server;
    private final Duration headTimeout;
    private final int maxPerAddress;
    private final Map<InetAddress, Integer> open = new ConcurrentHashMap<>();
    /** Each connection's client address, kept from its opening: a closed socket no longer tells it. */
    private final Map<Connection, InetAddress> addresses = new ConcurrentHashMap<>();
    private ScheduledExecutorService sweeper;

    ConnectionGuard(Server server, Duration headTimeout, int maxPerAddress) {
        this.server = server;
        this.headTimeout = headTimeout;
        this.maxPerAddress = maxPerAddress;
    }

    @Override
    protected void doStart() {
        for (Connector c : server.getConnectors()) {
            if (c instanceof AbstractConnector connector) {
                connector.addBean(this, false);
            }
        }
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "semiont-request-head-deadline");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(50, Math.min(1000, headTimeout.toMillis() / 4));
        sweeper.scheduleWithFixedDelay(this::closeOverdueHeads, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
        sweeper.shutdownNow();
    }

    /** Closes every connection whose current request head began longer than {@code headTimeout} ago. */
    private void closeOverdueHeads() {
        long now = System.nanoTime();
        for (Connector c : server.getConnectors()) {
            for (EndPoint endPoint : c.getConnectedEndPoints()) {
                if (endPoint.getConnection() instanceof HttpConnection http && overdue(http.getParser(), now)) {
                    endPoint.close();
                }
            }
        }
    }

    private boolean overdue(HttpParser parser, long now) {
        long began = parser.getBeginNanoTime();
        return began != 0 && parser.inHeaderState() && now - began > headTimeout.toNanos();
    }

    @Override
    public void onOpened(Connection connection) {
        InetAddress address = addressOf(connection);
        if (address == null) {
            return;
        }
        addresses.put(connection, address);
        if (open.merge(address, 1, Integer::sum) > maxPerAddress) {
            connection.getEndPoint().close();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        InetAddress address = addresses.remove(connection);
        if (address != null) {
            open.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
        }
    }

    private static InetAddress addressOf(Connection connection) {
        SocketAddress remote = connection.getEndPoint().getRemoteSocketAddress();
        return remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
    }
}
