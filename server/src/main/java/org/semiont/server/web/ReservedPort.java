package org.semiont.server.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * A free port held from the start of a server's startup until its HTTP connector binds it. With {@code --port 0}
 * the base URL (minted into every annotation IRI, and kept in the event log) must name the port the server will
 * listen on, and that URL is needed long before the connector exists. The socket never accepts, so closing it
 * leaves nothing in the way of the connector, which binds right after.
 */
public final class ReservedPort implements AutoCloseable {
    private final ServerSocket socket;

    private ReservedPort(ServerSocket socket) {
        this.socket = socket;
    }

    public static ReservedPort on(String host) {
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(host), 0), 1);
            return new ReservedPort(s);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port on " + host + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Frees the port for the connector; call just before binding it. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a listening socket that never accepted has nothing left to fail on
        }
    }
}
