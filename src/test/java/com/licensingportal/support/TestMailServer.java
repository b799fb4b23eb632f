package com.licensingportal.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * One GreenMail SMTP server for the whole test JVM, on a free port, so that every test class can share
 * one Spring context (whose mail settings point here) and read the real messages the portal sent. A fault
 * test may {@link #stop()} it (a mail-server outage) and {@link #start()} it again on the same port; what it
 * received before the outage is gone then, as on a restarted server.
 */
public final class TestMailServer {

	private static final ServerSetup DYNAMIC = ServerSetup.SMTP.dynamicPort();

	private static volatile GreenMail greenMail = startOn(DYNAMIC);

	/** The port the first start found free; a restart binds it again, since the portal's settings name it. */
	private static final int PORT = greenMail.getSmtp().getPort();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> greenMail.stop()));
	}

	private TestMailServer() {
	}

	public static GreenMail greenMail() {
		return greenMail;
	}

	public static int port() {
		return PORT;
	}

	public static boolean isRunning() {
		return greenMail.getSmtp() != null && greenMail.getSmtp().isRunning();
	}

	/** The mail server goes down: connections to its port are refused until {@link #start()}. */
	public static synchronized void stop() {
		if (isRunning()) {
			greenMail.stop();
		}
	}

	/** The mail server comes back on the same port, with empty mailboxes. */
	public static synchronized void start() {
		if (!isRunning()) {
			greenMail = startOn(DYNAMIC.port(PORT));
		}
	}

	private static GreenMail startOn(ServerSetup setup) {
		GreenMail server = new GreenMail(setup);
		server.start();
		return server;
	}

}
