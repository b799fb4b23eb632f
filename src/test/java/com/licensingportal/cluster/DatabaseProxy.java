package com.licensingportal.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy in the test JVM between the portal nodes and MariaDB. {@link #cut()} does to the nodes what a
 * database restart does: every open connection drops at once and new ones are refused, until
 * {@link #restore()}. Other users of the shared MariaDB notice nothing.
 */
final class DatabaseProxy implements AutoCloseable {

	private final String databaseHost;

	private final int databasePort;

	private final ServerSocket listener;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private volatile boolean cut;

	private volatile boolean closed;

	DatabaseProxy(String databaseHost, int databasePort) throws IOException {
		this.databaseHost = databaseHost;
		this.databasePort = databasePort;
		this.listener = new ServerSocket();
		this.listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		Thread acceptor = new Thread(this::accept, "database-proxy");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	int port() {
		return this.listener.getLocalPort();
	}

	/** Drops every connection through the proxy and refuses new ones. */
	void cut() {
		this.cut = true;
		this.open.forEach(DatabaseProxy::closeQuietly);
	}

	/** Lets connections through again. */
	void restore() {
		this.cut = false;
	}

	private void accept() {
		while (!this.closed) {
			try {
				Socket client = this.listener.accept();
				if (this.cut) {
					// Closed before the server's greeting, as a port nobody listens on would be to the driver.
					closeQuietly(client);
					continue;
				}
				Socket server = new Socket(this.databaseHost, this.databasePort);
				this.open.add(client);
				this.open.add(server);
				if (this.cut) {
					// cut while this connection was being made
					closeQuietly(client);
					closeQuietly(server);
					this.open.remove(client);
					this.open.remove(server);
					continue;
				}
				pump(client, server);
				pump(server, client);
			}
			catch (IOException ex) {
				if (this.closed) {
					return;
				}
			}
		}
	}

	private void pump(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[16384];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException dropped) {
				// either side went away: the other goes too
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
				this.open.remove(from);
				this.open.remove(to);
			}
		}, "database-proxy-pump");
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ignored) {
			// closing anyway
		}
	}

	@Override
	public void close() throws IOException {
		this.closed = true;
		this.listener.close();
		this.open.forEach(DatabaseProxy::closeQuietly);
	}

}
