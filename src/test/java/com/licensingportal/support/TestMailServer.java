package com.licensingportal.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * One GreenMail SMTP server for the whole test JVM, on a free port, so that every test class can share
 * one Spring context (whose mail settings point here) and read the real messages the portal sent.
 */
public final class TestMailServer {

	private static final GreenMail GREEN_MAIL = start();

	private TestMailServer() {
	}

	public static GreenMail greenMail() {
		return GREEN_MAIL;
	}

	public static int port() {
		return GREEN_MAIL.getSmtp().getPort();
	}

	private static GreenMail start() {
		GreenMail greenMail = new GreenMail(ServerSetup.SMTP.dynamicPort());
		greenMail.start();
		Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop));
		return greenMail;
	}

}
